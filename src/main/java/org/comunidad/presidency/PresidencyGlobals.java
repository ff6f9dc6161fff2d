package org.comunidad.presidency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.security.CurrentUser;

import io.vertx.core.Context;

/** The troika for any page that shows it ({@code inject:presidency.troika}): read once per request. */
@Named("presidency")
@RequestScoped
public class PresidencyGlobals {

    @Inject
    CurrentUser currentUser;

    @Inject
    Presidencies presidencies;

    private Presidencies.Troika troika;

    public Presidencies.Troika troika() {
        if (troika == null) {
            // Members only; and error pages of unmatched routes render on the I/O thread, where the database may not be used.
            troika = !currentUser.isSignedIn() || Context.isOnEventLoopThread() ? Presidencies.Troika.NONE
                    : presidencies.troika();
        }
        return troika;
    }
}
