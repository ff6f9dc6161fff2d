package org.comunidad.presidency;

import org.comunidad.platform.security.Viewer;

/**
 * Who manages the forum's presidency: the forum admin (its secretariat) alone sees the troika
 * and its history, plans the incoming presidency, previews and confirms the rotation.
 * Everybody else, coordinators included, finds nothing there (404, as with the forum's
 * audit log). Community roles play no part.
 */
public final class PresidencyAccess {

    private PresidencyAccess() {
    }

    /** Sees the presidency pages, plans and rotates: the admin. */
    public static boolean manages(Viewer viewer) {
        return viewer.isAdmin();
    }
}
