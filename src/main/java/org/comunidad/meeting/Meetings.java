package org.comunidad.meeting;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;

/**
 * Finds a meeting the way every meeting route must: the community by its slug or id if the viewer
 * may see it (else empty: 404), then the meeting by its id within that very community (a meeting
 * of another community is not found through this one). The viewer is using the community.
 */
@ApplicationScoped
public class Meetings {

    /** The community and the meeting, as found for a viewer. */
    public record Found(Community community, Meeting meeting) {
    }

    @Inject
    CommunityService communities;

    /** The community, if the viewer may see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Community> community(Viewer viewer, CommunityRef ref) {
        return ref.find(slug -> communities.findVisible(viewer, slug), id -> communities.findVisible(viewer, id));
    }

    /** Must run inside the caller's transaction (the entities stay managed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Found> visible(Viewer viewer, CommunityRef ref, long meetingId) {
        return community(viewer, ref).flatMap(community -> Meeting.<Meeting> findByIdOptional(meetingId)
                .filter(m -> m.community.id.equals(community.id)).map(m -> new Found(community, m)));
    }
}
