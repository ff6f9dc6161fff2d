package org.comunidad.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.content.HeaderCount;
import org.comunidad.platform.content.PageCounts;
import org.comunidad.platform.security.CurrentUser;

import io.vertx.core.Context;

/**
 * The header's bell ({@code inject:bell}): unread notifications, counted once per page, in the
 * statement of the page's other counts ({@link PageCounts}: inside the page's transaction when
 * the page asked for them before rendering).
 */
@Named("bell")
@RequestScoped
public class Bell {

    static final String KEY = "BELL";

    /** The bell's count in the page's counts statement: {@link Notifications#unread}, stopped past the cap. */
    @ApplicationScoped
    static class Unread implements HeaderCount {
        @Override
        public Fragment headerCount() {
            return new Fragment(KEY, "select count(*) from (select 1 from notification where member_id = :me "
                    + "and read_at is null limit " + (Notifications.BADGE_CAP + 1) + ") x");
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PageCounts counts;

    private Integer count;

    public int count() {
        if (count == null) {
            // Error pages of unmatched routes render on the I/O thread, where the database may not be used.
            count = !currentUser.isSignedIn() || Context.isOnEventLoopThread() ? 0
                    : counts.header(currentUser.require().id(), KEY);
        }
        return count;
    }

    public String label() {
        int n = count();
        return n > Notifications.BADGE_CAP ? Notifications.BADGE_CAP + "+" : String.valueOf(n);
    }
}
