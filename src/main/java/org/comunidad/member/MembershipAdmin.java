package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.web.Links;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.ParticipationCounts;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;

/**
 * The sector coordinator's (and the forum admin's) hand on a group's members: assign and
 * remove community roles in the group and its subgroups, and remove a member from the
 * group. Access follows at once: every request reads the member's roles afresh, so a
 * removed member's next request is refused even with their session still open. Their
 * content stays, attributed to them. Every change goes to the audit log.
 */
@ApplicationScoped
public class MembershipAdmin {

    /** A member's standing in a group: their roles there and in its subgroups, and their activity. */
    public record Standing(Member member, List<Membership> roles, Activity activity) {
    }

    /** What a member did in a group and its subgroups (only its coordinator sees this), each feature's count. */
    public record Activity(List<ParticipationCounts.Counted> counts) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    ParticipationCounts participation;

    @Inject
    org.comunidad.platform.security.CurrentUser currentUser;

    @Transactional
    public Standing standing(Viewer viewer, Community group, long memberId) {
        requireCoordinator(viewer, group);
        Member member = Member.findById(memberId);
        List<Membership> roles = Membership.<Membership>find("""
                select ms from Membership ms join fetch ms.community c left join fetch ms.country
                where ms.member.id = ?1 and (c.id = ?2 or c.parent.id = ?2) order by c.position, ms.id""",
                memberId, group.id).list();
        if (member == null || roles.isEmpty()) {
            throw new NotFoundException();
        }
        return new Standing(member, roles, activity(group.id, memberId));
    }

    /** Counts of the member's contributions in the group tree, in one statement. */
    Activity activity(long groupId, long memberId) {
        return new Activity(participation.contributed(groupId, memberId, currentUser.language()));
    }

    @Transactional
    public void assign(Viewer viewer, Community group, long memberId, String role, String communitySlug,
            String countryCode) {
        requireCoordinator(viewer, group);
        Standing standing = standing(viewer, group, memberId);
        List<Violation> violations = new ArrayList<>();
        CommunityRole parsed = Directory.parseRole(role);
        Community community = Community.bySlug(communitySlug == null ? "" : communitySlug)
                .filter(c -> c.id.equals(group.id) || (c.parent != null && c.parent.id.equals(group.id)))
                .orElse(null);
        if (parsed == null) {
            violations.add(Violation.required("role"));
        }
        if (community == null) {
            violations.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
        }
        if (parsed != null && community != null
                && (community.isGroup() ? !parsed.allowedInGroup() : !parsed.allowedInSubgroup())) {
            violations.add(new Violation("role", Violation.Code.INVALID_CHOICE, 0));
        }
        Country country = null;
        String code = Texts.clean(countryCode);
        if (code != null) {
            country = Country.findById(code);
            if (country == null) {
                violations.add(new Violation("country", Violation.Code.INVALID_CHOICE, 0));
            }
        } else {
            country = standing.member().country;
        }
        if (parsed != null && country == null && (parsed == CommunityRole.FOCAL_POINT
                || parsed == CommunityRole.ALTERNATE || parsed == CommunityRole.COUNTRY_RESPONSIBLE)) {
            violations.add(Violation.required("country"));
        }
        Texts.check(violations);
        boolean exists = Membership.count("community.id = ?1 and member.id = ?2 and role = ?3", community.id, memberId,
                parsed) > 0;
        if (exists) {
            Texts.check(List.of(new Violation("role", MemberViolation.ROLE_HELD, 0)));
        }
        // One coordinator per group; one focal point, alternate and country responsible per country.
        boolean taken = parsed == CommunityRole.COORDINATOR
                ? Membership.count("community.id = ?1 and role = ?2", community.id, parsed) > 0
                : (parsed == CommunityRole.FOCAL_POINT || parsed == CommunityRole.ALTERNATE
                        || parsed == CommunityRole.COUNTRY_RESPONSIBLE)
                        && Membership.count("community.id = ?1 and role = ?2 and country.code = ?3", community.id,
                                parsed, country.code) > 0;
        if (taken) {
            Texts.check(List.of(new Violation("role", MemberViolation.ROLE_TAKEN, 0)));
        }
        Membership membership = new Membership();
        membership.community = community;
        membership.member = standing.member();
        membership.role = parsed;
        membership.country = country;
        membership.persist();
        AuditLog.record(viewer.memberId(), community.id, "ROLE_ASSIGN", "member", memberId,
                parsed.name() + " in " + community.slug + (country == null ? "" : " for " + country.code));
        notices.fire(new Notice(memberId, MemberNotice.ROLE_ASSIGNED, "role:" + membership.id, community.id,
                viewer.memberId(), Links.community(community.slug), null));
    }

    @Transactional
    public void unassign(Viewer viewer, Community group, long memberId, long membershipId) {
        requireCoordinator(viewer, group);
        Membership membership = Membership.<Membership>find("""
                select ms from Membership ms join fetch ms.community c
                where ms.id = ?1 and ms.member.id = ?2 and (c.id = ?3 or c.parent.id = ?3)""",
                membershipId, memberId, group.id).firstResultOptional().orElseThrow(NotFoundException::new);
        AuditLog.record(viewer.memberId(), membership.community.id, "ROLE_REMOVE", "member", memberId,
                membership.role.name() + " in " + membership.community.slug);
        membership.delete();
    }

    /** Removes every role of the member in the group and its subgroups: their access ends now. */
    @Transactional
    public int remove(Viewer viewer, Community group, long memberId) {
        requireCoordinator(viewer, group);
        Standing standing = standing(viewer, group, memberId);
        int removed = em.createQuery("""
                delete from Membership ms where ms.member.id = :member and ms.community.id in
                (select c.id from Community c where c.id = :group or c.parent.id = :group)""")
                .setParameter("member", memberId).setParameter("group", group.id).executeUpdate();
        AuditLog.record(viewer.memberId(), group.id, "MEMBER_REMOVE", "member", memberId,
                standing.member().displayName + ": " + removed + " roles");
        return removed;
    }

    private static void requireCoordinator(Viewer viewer, Community group) {
        if (!CommunityAccess.coordinates(viewer, group.id)) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
    }
}
