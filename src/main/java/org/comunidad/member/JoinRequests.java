package org.comunidad.member;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.notification.Notifications;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;

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

    /** Working groups the viewer is not in, and subgroups of their groups they are not in. */
    @Transactional
    public List<Joinable> joinable(Viewer viewer) {
        List<Joinable> result = new ArrayList<>();
        java.util.Map<Long, Long> pending = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select community_id, id from join_request where member_id = ?1 and status = 'PENDING'")
                .setParameter(1, viewer.memberId()).getResultList();
        rows.forEach(r -> pending.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
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

    @Transactional
    public long ask(Viewer viewer, long communityId, String message) {
        Community community = Community.<Community>findByIdOptional(communityId).orElseThrow(NotFoundException::new);
        boolean inGroup = CommunityAccess.canViewGroup(viewer, community.groupId());
        if (!community.isGroup() && !inGroup) {
            throw new NotFoundException();
        }
        if (community.isGroup() ? inGroup : CommunityAccess.belongsTo(viewer, community.id)) {
            Texts.check(List.of(new Violation("community", Violation.Code.ROLE_HELD, 0)));
        }
        String text = Texts.clean(message);
        List<Violation> violations = new ArrayList<>();
        Texts.optional(violations, "message", text, MESSAGE_MAX);
        Texts.check(violations);
        long existing = ((Number) em.createNativeQuery("select count(*) from join_request where community_id = ?1 "
                + "and member_id = ?2 and status = 'PENDING'").setParameter(1, communityId)
                .setParameter(2, viewer.memberId()).getSingleResult()).longValue();
        if (existing > 0) {
            Texts.check(List.of(new Violation("community", Violation.Code.DUPLICATE_REQUEST, 0)));
        }
        long id = ((Number) em.createNativeQuery("""
                insert into join_request (community_id, member_id, message) values (?1, ?2, ?3) returning id""")
                .setParameter(1, communityId).setParameter(2, viewer.memberId()).setParameter(3, text)
                .getSingleResult()).longValue();
        AuditLog.record(viewer.memberId(), communityId, "JOIN_REQUEST", "join_request", id, text);
        return id;
    }

    @Transactional
    public void withdraw(Viewer viewer, long id) {
        int updated = em.createNativeQuery("update join_request set status = 'WITHDRAWN' where id = ?1 "
                + "and member_id = ?2 and status = 'PENDING'").setParameter(1, id).setParameter(2, viewer.memberId())
                .executeUpdate();
        if (updated == 0) {
            throw new NotFoundException();
        }
    }

    /** The pending requests of a community, for those who decide them. */
    @Transactional
    public List<Pending> pending(Viewer viewer, Community community) {
        requireDecider(viewer, community);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, m.display_name, case when m.email_verified then m.email end, m.country_code, m.institution, r.message, r.created_at
                from join_request r join member m on m.id = r.member_id
                where r.community_id = ?1 and r.status = 'PENDING' order by r.id""")
                .setParameter(1, community.id).getResultList();
        return rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], org.comunidad.platform.persistence.SqlValues.timestamp(r[6]))).toList();
    }

    /** Approves (the requester becomes a member there) or declines, and tells the requester. */
    @Transactional
    public void decide(Viewer viewer, Community community, long id, boolean approve, String note) {
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
            throw new NotFoundException();
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
        Notifications.publish(em, memberId, approve ? Notifications.Kind.JOIN_APPROVED : Notifications.Kind.JOIN_DECLINED,
                "join:" + id, community.id, viewer.memberId(), approve ? "/c/" + community.slug : "/join", text);
    }

    private static void requireDecider(Viewer viewer, Community community) {
        if (!MemberAdminAccess.decidesRequests(viewer, community)) {
            throw new Refused(community.isGroup() ? Refused.Reason.NOT_COORDINATOR : Refused.Reason.NOT_MODERATOR);
        }
    }

}
