package org.comunidad.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.security.CurrentUser;

import io.vertx.core.Context;

/** The header's bell ({@code inject:bell}): unread notifications, counted once per page. */
@Named("bell")
@RequestScoped
public class Bell {

    @Inject
    CurrentUser currentUser;

    @Inject
    Notifications notifications;

    private Integer count;

    public int count() {
        if (count == null) {
            // Error pages of unmatched routes render on the I/O thread, where the database may not be used.
            count = !currentUser.isSignedIn() || Context.isOnEventLoopThread() ? 0
                    : notifications.unread(currentUser.require().id());
        }
        return count;
    }

    public String label() {
        int n = count();
        return n > Notifications.BADGE_CAP ? Notifications.BADGE_CAP + "+" : String.valueOf(n);
    }
}
