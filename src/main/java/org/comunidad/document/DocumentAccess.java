package org.comunidad.document;

import java.util.List;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with documents. Members of a working group read all its documents;
 * subgroup members (and the coordinator) upload into their subgroup's folders; only the
 * coordinator uploads into the group's own folders; the uploader (and the coordinator)
 * edit and add versions; leaders (in their subgroup) and coordinators manage folders
 * and delete; the uploader may delete their own document and restore it from the trash.
 */
public final class DocumentAccess {

    private DocumentAccess() {
    }

    public static boolean reads(Viewer viewer, long groupId) {
        return CommunityAccess.canViewGroup(viewer, groupId);
    }

    public static boolean uploadsIn(Viewer viewer, Community community) {
        return community.isGroup() ? CommunityAccess.coordinates(viewer, community.id)
                : CommunityAccess.writesIn(viewer, community);
    }

    public static boolean managesFolders(Viewer viewer, Community community) {
        return CommunityAccess.moderates(viewer, community);
    }

    public static boolean edits(Viewer viewer, Document document) {
        return isUploader(viewer, document) || CommunityAccess.coordinates(viewer, document.groupId);
    }

    public static boolean deletes(Viewer viewer, Document document, Community community) {
        return isUploader(viewer, document) || CommunityAccess.moderates(viewer, community);
    }

    public static boolean restores(Viewer viewer, Document document) {
        return isUploader(viewer, document) || CommunityAccess.coordinates(viewer, document.groupId);
    }

    /** The working groups whose documents the viewer may read; null for the admin (all). */
    public static List<Long> readableGroups(Viewer viewer) {
        if (viewer.isAdmin()) {
            return null;
        }
        return viewer.effectiveGrants().stream().map(g -> g.groupId()).distinct().toList();
    }

    private static boolean isUploader(Viewer viewer, Document document) {
        return document.uploader != null && document.uploader.id != null && document.uploader.id == viewer.memberId();
    }
}
