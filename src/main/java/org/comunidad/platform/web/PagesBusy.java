package org.comunidad.platform.web;

/** No place came free for a page within comunidad.pages.max-wait: 503, try again shortly. */
public class PagesBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public PagesBusy(long retryAfterSeconds) {
        super("too many pages at once", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
