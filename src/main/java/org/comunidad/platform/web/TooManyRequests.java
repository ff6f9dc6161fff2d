package org.comunidad.platform.web;

/**
 * A member asked for more than their share (RateLimits, PageAdmission): 429 with Retry-After
 * and a message in their language, as a page or, for the API and script calls, as JSON.
 */
public class TooManyRequests extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was refused: pages at once, or one of the rate-limited kinds. */
    public enum What {
        PAGES, POSTING, UPLOADS, SEARCH
    }

    private final What what;
    private final long retryAfterSeconds;
    private final boolean json;

    public TooManyRequests(What what, long retryAfterSeconds, boolean json) {
        super("too many requests: " + what, null, false, false);
        this.what = what;
        this.retryAfterSeconds = retryAfterSeconds;
        this.json = json;
    }

    public What what() {
        return what;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean json() {
        return json;
    }
}
