package org.comunidad.platform.content;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.content.WhatsNew.Counts;
import org.comunidad.platform.health.Dependencies;
import org.comunidad.platform.web.UnavailablePages;

/**
 * The counts a page shows around its content, read once per request: the header's ({@link HeaderCount},
 * the bell) and the community tabs' "what's new". A page that calls {@link #prefetch} inside its
 * transaction gets both in one statement there, and renders without going back to the database
 * (issue 16: one transaction per page); otherwise each is read when first asked for, as before.
 */
@RequestScoped
public class PageCounts {

    @Inject
    WhatsNew whatsNew;

    @Inject
    Dependencies dependencies;

    private Counts counted;
    private Long countedFor;
    private boolean header;

    /** Reads the header's counts and the community's "what's new" (none when null) now, in one statement. */
    public void prefetch(long memberId, Long communityId) {
        counted = whatsNew.page(memberId, communityId);
        countedFor = communityId;
        header = true;
    }

    /** A header count (BELL) of the member. */
    public int header(long memberId, String key) {
        if (!header) {
            Counts headerOnly = whileRendering(() -> whatsNew.page(memberId, null));
            if (counted == null) {
                counted = headerOnly;
            } else {
                counted = counted.withHeader(headerOnly);
            }
            header = true;
        }
        return counted.header(key);
    }

    /** The "what's new" counts of a community for the member. */
    public Counts community(long memberId, long communityId) {
        if (countedFor == null || countedFor != communityId) {
            Counts read = whileRendering(() -> whatsNew.counts(memberId, List.of(communityId)));
            counted = counted == null ? read : read.withHeader(counted);
            countedFor = communityId;
        }
        return counted;
    }

    /**
     * A count the template asks for while it renders, after the page's own work succeeded: if the
     * database breaks just then, the page is shown without its counts rather than as an error
     * (the counts decorate the page; the next request gets the outage's 503 at once).
     */
    private Counts whileRendering(Supplier<Counts> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (!UnavailablePages.databaseUnreachable(e)) {
                throw e;
            }
            dependencies.databaseFailed();
            return Counts.NONE;
        }
    }
}
