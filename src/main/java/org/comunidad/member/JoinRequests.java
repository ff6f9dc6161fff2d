package org.comunidad.member;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.persistence.Tuple;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

/**
 * Requests to join: any signed-in official asks to join a working group, or a subgroup of a
 * group they are in; the group's coordinator (and, for a subgroup, its leader) approves,
 * which makes them a member there, or declines with a note. The requester is notified.
 */
@ApplicationScoped
public class JoinRequests {

    public static final int MESSAGE_MAX = 1000;

    /** A community the viewer may ask to join, and their pending request there if any. */
    public record Joinable(Community community, Long pendingId) {
    }

    /** A request as the decider sees it; {@code email} is null while Keycloak has not verified it. */
    public record Pending(long id, String name, String email, String country, String institution, String message,
            OffsetDateTime at) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    CommunityService communities;

    /** Working groups the viewer is not in, and subgroups of their groups they are not in. */
    @Transactional
    public List<Joinable> joinable(Viewer viewer) {
        List<Joinable> result = new ArrayList<>();
        java.util.Map<Long, Long> pending = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                "select community_id, id from join_request where member_id = ?1 and status = 'PENDING'", Tuple.class)
                .setParameter(1, viewer.memberId()).getResultList();
        rows.forEach(r -> pending.put(r.get("community_id", Number.class).longValue(),
                r.get("id", Number.class).longValue()));
        if (viewer.isAdmin()) {
            return result;
        }
        List<Community> groups = Community.allGroups();
        List<Long> mine = groups.stream().filter(g -> CommunityAccess.canViewGroup(viewer, g.id)).map(g -> g.id).toList();
        for (Community group : groups) {
            if (!mine.contains(group.id)) {
                result.add(new Joinable(group, pending.get(group.id)));
            }
        }
        for (Community subgroup : Community.subgroupsOf(mine)) {
            if (!CommunityAccess.belongsTo(viewer, subgroup.id)) {
                result.add(new Joinable(subgroup, pending.get(subgroup.id)));
            }
        }
        return result;
    }

    /**
     * Asks to join a community; returns the request, empty when the community is not there (or is
     * the subgroup of a group the viewer is not in). Invalid input throws
     * {@link org.comunidad.platform.content.InvalidInput}.
     */
    @Transactional
    public Optional<Long> ask(Viewer viewer, long communityId, String message) {
        Optional<Community> found = Community.<Community>findByIdOptional(communityId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Community community = found.get();
        boolean inGroup = CommunityAccess.canViewGroup(viewer, community.groupId());
        if (!community.isGroup() && !inGroup) {
            return Optional.empty();
        }
        if (community.isGroup() ? inGroup : CommunityAccess.belongsTo(viewer, community.id)) {
            Texts.check(List.of(new Violation("community", MemberViolation.ROLE_HELD, 0)));
        }
        String text = Texts.clean(message);
        List<Violation> violations = new ArrayList<>();
        Texts.optional(violations, "message", text, MESSAGE_MAX);
        Texts.check(violations);
        long existing = ((Number) em.createNativeQuery("select count(*) from join_request where community_id = ?1 "
                + "and member_id = ?2 and status = 'PENDING'").setParameter(1, communityId)
                .setParameter(2, viewer.memberId()).getSingleResult()).longValue();
        if (existing > 0) {
            Texts.check(List.of(new Violation("community", MemberViolation.DUPLICATE_REQUEST, 0)));
        }
        long id = ((Number) em.createNativeQuery("""
                insert into join_request (community_id, member_id, message) values (?1, ?2, ?3) returning id""")
                .setParameter(1, communityId).setParameter(2, viewer.memberId()).setParameter(3, text)
                .getSingleResult()).longValue();
        AuditLog.record(viewer.memberId(), communityId, "JOIN_REQUEST", "join_request", id, text);
        return Optional.of(id);
    }

    /** Withdraws the viewer's own pending request; false when there is none with this id. */
    @Transactional
    public boolean withdraw(Viewer viewer, long id) {
        int updated = em.createNativeQuery("update join_request set status = 'WITHDRAWN' where id = ?1 "
                + "and member_id = ?2 and status = 'PENDING'").setParameter(1, id).setParameter(2, viewer.memberId())
                .executeUpdate();
        return updated > 0;
    }

    /** A community's requests page: the community and its pending requests. */
    public record Requests(Community community, List<Pending> pending) {
    }

    /** The pending requests of a community the viewer sees, for those who decide them (others are refused). */
    @Transactional
    public Optional<Requests> pending(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).map(community -> {
            requireDecider(viewer, community);
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select r.id, m.display_name, case when m.email_verified then m.email end as email, m.country_code,
                           m.institution, r.message, r.created_at
                    from join_request r join member m on m.id = r.member_id
                    where r.community_id = ?1 and r.status = 'PENDING' order by r.id""", Tuple.class)
                    .setParameter(1, community.id).getResultList();
            return new Requests(community, rows.stream().map(r -> new Pending(r.get("id", Number.class).longValue(),
                    r.get("display_name", String.class), r.get("email", String.class),
                    r.get("country_code", String.class), r.get("institution", String.class),
                    r.get("message", String.class), SqlValues.timestamp(r.get("created_at")))).toList());
        });
    }

    /**
     * Approves or declines a request of a community the viewer sees ({@link #decide(Viewer, Community, long,
     * boolean, String)}); returns the community, empty when it or the pending request is not there.
     */
    @Transactional
    public Optional<Community> decide(Viewer viewer, String slug, long id, boolean approve, String note) {
        return communities.findVisible(viewer, slug).filter(community -> decide(viewer, community, id, approve, note));
    }

    /** Approves (the requester becomes a member there) or declines, and tells the requester; false if no such request. */
    private boolean decide(Viewer viewer, Community community, long id, boolean approve, String note) {
        requireDecider(viewer, community);
        String text = Texts.clean(note);
        List<Violation> violations = new ArrayList<>();
        Texts.optional(violations, "note", text, MESSAGE_MAX);
        Texts.check(violations);
        @SuppressWarnings("unchecked")
        List<Number> requester = em.createNativeQuery("""
                update join_request set status = ?3, decided_by = ?4, decided_at = now(), decision_note = ?5
                where id = ?1 and community_id = ?2 and status = 'PENDING' returning member_id""")
                .setParameter(1, id).setParameter(2, community.id).setParameter(3, approve ? "APPROVED" : "DECLINED")
                .setParameter(4, viewer.memberId()).setParameter(5, text).getResultList();
        if (requester.isEmpty()) {
            return false;
        }
        long memberId = requester.get(0).longValue();
        if (approve) {
            em.createNativeQuery("""
                    insert into membership (community_id, member_id, role, country_code)
                    select ?1, m.id, 'MEMBER', m.country_code from member m where m.id = ?2
                    on conflict (community_id, member_id, role) do nothing""")
                    .setParameter(1, community.id).setParameter(2, memberId).executeUpdate();
        }
        AuditLog.record(viewer.memberId(), community.id, approve ? "JOIN_APPROVE" : "JOIN_DECLINE", "member",
                memberId, text);
        notices.fire(new Notice(memberId, approve ? MemberNotice.JOIN_APPROVED : MemberNotice.JOIN_DECLINED,
                "join:" + id, community.id, viewer.memberId(), approve ? Links.community(community.slug) : "/join",
                text));
        return true;
    }

    private static void requireDecider(Viewer viewer, Community community) {
        if (!MemberAdminAccess.decidesRequests(viewer, community)) {
            throw new Refused(community.isGroup() ? Refused.Reason.NOT_COORDINATOR : Refused.Reason.NOT_MODERATOR);
        }
    }

}
