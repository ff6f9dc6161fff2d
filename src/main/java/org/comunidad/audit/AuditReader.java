package org.comunidad.audit;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.audit.AuditTrail;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

/**
 * The audit log as its readers may see it ({@link AuditAccess}): a working group's log or the
 * whole forum's. An outsider of the group, or anyone but the admin for the forum's log, finds
 * nothing (empty); a member of the group who does not coordinate it is refused.
 */
@ApplicationScoped
public class AuditReader {

    /** Whose log: a working group's ({@code group} set) or the forum's; its page address and export name. */
    public record Scope(Community group, String base, String fileName) {

        public Long groupId() {
            return group == null ? null : group.id;
        }
    }

    /** One page of a log, with its scope. */
    public record Listing(Scope scope, AuditTrail.Page page) {
    }

    @Inject
    CommunityService communities;

    @Inject
    AuditTrail trail;

    /** The log the viewer reads at this address: a group's by its slug, the forum's for a null slug. */
    @Transactional
    public Optional<Scope> scope(Viewer viewer, String slug) {
        if (slug == null) {
            return AuditAccess.readsAll(viewer) ? Optional.of(new Scope(null, "/audit", "registro-foro"))
                    : Optional.empty();
        }
        Optional<Community> group = communities.findVisible(viewer, slug).filter(Community::isGroup);
        if (group.isPresent() && !AuditAccess.readsGroup(viewer, group.get())) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
        return group.map(g -> new Scope(g, Links.community(g.slug, "audit"), "registro-" + g.slug));
    }

    /** A page of the log the viewer reads at this address. */
    @Transactional
    public Optional<Listing> page(Viewer viewer, String slug, AuditTrail.Filters filters, ZoneId zone) {
        return scope(viewer, slug).map(scope -> new Listing(scope, trail.page(scope.groupId(), filters, zone)));
    }
}
