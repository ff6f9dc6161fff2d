package org.comunidad.discussion;

import java.time.LocalDate;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.content.Explained;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with a subgroup's formal discussions. Every member of the working group
 * reads them. Only the subgroup's leader and the group's coordinator (and the admin) open,
 * pin, close (with a conclusion), reopen and hide a discussion, and hide replies. Members of
 * the subgroup and the coordinator reply while the discussion is open and, except for those
 * who moderate it, until its deadline; an answer goes under a top-level reply, never deeper.
 * Only its author edits the opening and only while the discussion is open (closed, it is
 * frozen with its conclusion); the author deletes the discussion. The author of a reply edits
 * and deletes it while the discussion is open. Hidden content stays visible to its author and
 * the moderators; deleted content is gone for everyone.
 */
public final class DiscussionAccess {

    private DiscussionAccess() {
    }

    /** Opens a discussion in the subgroup. */
    public static boolean opens(Viewer viewer, Community subgroup) {
        return !subgroup.isGroup() && moderates(viewer, subgroup);
    }

    /** Pins, closes, reopens and hides discussions and replies of the subgroup. */
    public static boolean moderates(Viewer viewer, Community subgroup) {
        return CommunityAccess.moderates(viewer, subgroup);
    }

    /** Why the viewer may not reply now, or null if they may. */
    public static Explained replyRefusal(Viewer viewer, Community subgroup, Discussion d, LocalDate today) {
        if (!CommunityAccess.writesIn(viewer, subgroup)) {
            return Refused.Reason.NOT_SUBGROUP_MEMBER;
        }
        if (!d.isOpen()) {
            return DiscussionRefusal.DISCUSSION_CLOSED;
        }
        if (d.pastDeadline(today) && !moderates(viewer, subgroup)) {
            return DiscussionRefusal.DEADLINE_PASSED;
        }
        return null;
    }

    /** Why the viewer may not edit the opening, or null if they may. */
    public static Explained editRefusal(Viewer viewer, Discussion d) {
        if (!d.isBy(viewer.memberId())) {
            return Refused.Reason.NOT_AUTHOR;
        }
        if (!d.isOpen()) {
            return DiscussionRefusal.DISCUSSION_CLOSED;
        }
        return null;
    }

    public static boolean deletes(Viewer viewer, Discussion d) {
        return d.isBy(viewer.memberId());
    }

    /** Why the viewer may not edit or delete this reply, or null if they may. */
    public static Explained replyChangeRefusal(Viewer viewer, DiscussionReply reply, Discussion d) {
        if (!reply.isBy(viewer.memberId())) {
            return Refused.Reason.NOT_AUTHOR;
        }
        if (!d.isOpen()) {
            return DiscussionRefusal.DISCUSSION_CLOSED;
        }
        return null;
    }

    /** Whether a discussion or reply shows to the viewer, given whether they moderate the subgroup. */
    public static boolean sees(Viewer viewer, org.comunidad.platform.content.Content<?> content, boolean moderator) {
        return content.visibleTo(viewer.memberId(), moderator);
    }
}
