package org.comunidad.audit;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who reads the audit log. A working group's log (its own entries and its subgroups') is read
 * by the group's sector coordinator and by the forum admin; a member of the group without
 * that role is refused, an outsider finds nothing (the group is not visible to them). The
 * whole forum's log is read by the forum admin only; everybody else finds nothing there.
 * The same rules hold for the CSV exports.
 */
public final class AuditAccess {

    private AuditAccess() {
    }

    /** Reads the log of this working group: its coordinator and the admin. */
    public static boolean readsGroup(Viewer viewer, Community group) {
        return group.isGroup() && CommunityAccess.coordinates(viewer, group.id);
    }

    /** Reads the log of the whole forum: the admin. */
    public static boolean readsAll(Viewer viewer) {
        return viewer.isAdmin();
    }
}
