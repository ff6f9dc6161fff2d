package org.comunidad.post;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.content.Content;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with a subgroup's posts. Every member of the working group reads them;
 * members of the subgroup and the group's coordinator (and the admin) write, comment and
 * react; only the author edits and deletes a post or a comment; the subgroup's leader and the
 * group's coordinator hide them (with a reason) and show them again. Hidden content stays
 * visible to its author and to those who may hide it; deleted content is gone for everyone.
 * In the group's feed, the coordinator sees every hidden post and a leader (when their realm
 * role allows leading) those of the subgroups they lead.
 */
public final class PostAccess {

    private PostAccess() {
    }

    /** Writes posts, comments and reactions in the subgroup. */
    public static boolean writes(Viewer viewer, Community subgroup) {
        return !subgroup.isGroup() && CommunityAccess.writesIn(viewer, subgroup);
    }

    /** Hides and shows again posts and comments of the subgroup. */
    public static boolean moderates(Viewer viewer, Community subgroup) {
        return CommunityAccess.moderates(viewer, subgroup);
    }

    /** Edits and deletes a post or a comment: its author only. */
    public static boolean edits(Viewer viewer, Content<?> postOrComment) {
        return edits(viewer, postOrComment.authorId());
    }

    /** The same, for a post or comment read as a row: given its author. */
    public static boolean edits(Viewer viewer, long authorId) {
        return authorId == viewer.memberId();
    }

    /** Whether a post or comment shows to the viewer, given whether they moderate its subgroup. */
    public static boolean sees(Viewer viewer, Content<?> postOrComment, boolean moderator) {
        return postOrComment.visibleTo(viewer.memberId(), moderator);
    }

    /** In the group's feed: sees the hidden posts of every subgroup. */
    public static boolean seesAllHiddenInFeed(Viewer viewer, Community group) {
        return CommunityAccess.coordinates(viewer, group.groupId());
    }

    /** In the group's feed: sees the hidden posts of the subgroups they lead (the query checks which). */
    public static boolean seesLedHiddenInFeed(Viewer viewer) {
        return viewer.mayAct(CommunityRole.LEADER);
    }
}
