package org.comunidad.community;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.content.WhatsNew.Counts;
import org.comunidad.platform.security.CurrentUser;

/**
 * The "what's new" badges of the community navigation ({@code inject:nav}): counted
 * once per request, in one statement, for the community being shown.
 */
@Named("nav")
@RequestScoped
public class CommunityNav {

    @Inject
    CurrentUser currentUser;

    @Inject
    WhatsNew whatsNew;

    private Long countedFor;
    private Counts counts = Counts.NONE;

    public int count(Community community, String tab) {
        if (!currentUser.isSignedIn()) {
            return 0;
        }
        if (countedFor == null || !countedFor.equals(community.id)) {
            counts = whatsNew.counts(currentUser.require().id(), List.of(community.id));
            countedFor = community.id;
        }
        return counts.of(community.id, tab);
    }

    /** Whether the viewer coordinates this community's working group (the log tab). */
    public boolean coordinates(Community community) {
        return currentUser.isSignedIn()
                && CommunityAccess.coordinates(currentUser.viewer(), community.groupId());
    }

    /** Whether the viewer decides the community's requests to join (coordinator; a subgroup's leader). */
    public boolean decides(Community community) {
        return currentUser.isSignedIn() && CommunityAccess.moderates(currentUser.viewer(), community);
    }

    public String label(int count) {
        return counts.label(count);
    }
}
