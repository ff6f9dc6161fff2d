package org.comunidad.news;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with a working group's news. Every member of the group (through any role
 * in it or in one of its subgroups, and the admin) reads and shares news; only its author
 * edits and deletes an item; the group's coordinator (and the admin) pins and hides it, with
 * a reason. A hidden item stays visible to its author and to those who may hide it; a
 * deleted one is gone for everyone.
 */
public final class NewsAccess {

    private NewsAccess() {
    }

    public static boolean shares(Viewer viewer, Community group) {
        return group.isGroup() && CommunityAccess.canView(viewer, group);
    }

    /** Hides and shows again (the group's coordinator, the admin). */
    public static boolean moderates(Viewer viewer, Community group) {
        return CommunityAccess.moderates(viewer, group);
    }

    public static boolean pins(Viewer viewer, Community group) {
        return CommunityAccess.coordinates(viewer, group.id);
    }

    public static boolean edits(Viewer viewer, NewsItem item) {
        return edits(viewer, item.authorId());
    }

    public static boolean deletes(Viewer viewer, NewsItem item) {
        return deletes(viewer, item.authorId());
    }

    /** The same rules for an item read as a row (the feed): given its author. */
    public static boolean edits(Viewer viewer, long authorId) {
        return authorId == viewer.memberId();
    }

    public static boolean deletes(Viewer viewer, long authorId) {
        return edits(viewer, authorId);
    }

    /** Whether the item shows to the viewer, given whether they moderate its group. */
    public static boolean sees(Viewer viewer, NewsItem item, boolean moderator) {
        return item.visibleTo(viewer.memberId(), moderator);
    }
}
