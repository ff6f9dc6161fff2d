package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.web.Links;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.ParticipationCounts;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.narayana.jta.QuarkusTransaction;

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

    /**
     * The member admin page: the group, the member, their roles in the group tree and their activity;
     * the choices of the role form (the group and its subgroups, the countries, the roles) and whether
     * the viewer has the account switch.
     */
    public record Manage(Community group, Person member, List<Held> held, Activity activity,
            List<Community> communities, List<Country> countries, List<CommunityRole> roles,
            boolean managesAccounts) {
    }

    /** The member as the page shows them: what it prints, prepared (no entity to walk). */
    public record Person(long id, String displayName, Localized country, String institution, String position,
            String verifiedEmail, boolean unverifiedEmail, String phone, OffsetDateTime lastSeenAt,
            boolean disabled) {

        static Person of(Member m) {
            return new Person(m.id, m.displayName, m.country == null ? null : m.country.name, m.institution,
                    m.position, m.verifiedEmail(), m.verifiedEmail() == null && m.email != null, m.phone,
                    m.lastSeenAt, m.disabledAt != null);
        }
    }

    /** One role the member holds, with the names of its community and country (if any). */
    public record Held(long id, CommunityRole role, Localized community, Localized country) {

        static Held of(Membership ms) {
            return new Held(ms.id, ms.role, ms.community.name, ms.country == null ? null : ms.country.name);
        }
    }

    /** A role to give, as typed in the form. */
    public record RoleDraft(String role, String community, String country) {
    }

    @Inject
    CommunityService communities;

    @Inject
    RealmRoles realmRoles;

    @Inject
    KeycloakAccounts accounts;

    /** The page of a member of a working group the viewer manages; empty if either is not there. */
    @Transactional
    public Optional<Manage> manage(Viewer viewer, String slug, long memberId) {
        return group(viewer, slug).flatMap(group -> standing(viewer, group, memberId).map(standing -> {
            List<Community> tree = new ArrayList<>();
            tree.add(group);
            tree.addAll(Community.subgroupsOf(List.of(group.id)));
            return new Manage(group, Person.of(standing.member()), standing.roles().stream().map(Held::of).toList(),
                    standing.activity(), tree, Country.all(), List.of(CommunityRole.values()),
                    MemberAdminAccess.managesAccounts(viewer));
        }));
    }

    /** A working group the viewer may see, by its slug. */
    Optional<Community> group(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup);
    }

    Optional<Standing> standing(Viewer viewer, Community group, long memberId) {
        requireCoordinator(viewer, group);
        Member member = Member.findById(memberId);
        List<Membership> roles = Membership.<Membership>find("""
                select ms from Membership ms join fetch ms.community c left join fetch ms.country
                where ms.member.id = ?1 and (c.id = ?2 or c.parent.id = ?2) order by c.position, ms.id""",
                memberId, group.id).list();
        if (member == null || roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Standing(member, roles, activity(group.id, memberId)));
    }

    /** Counts of the member's contributions in the group tree, in one statement. */
    Activity activity(long groupId, long memberId) {
        return new Activity(participation.contributed(groupId, memberId, currentUser.language()));
    }

    /**
     * Gives a member a community role in the group or one of its subgroups; then the realm role it
     * needs ({@link RealmRoles#follow}). Returns the group, empty when the group or the member is not
     * there; invalid input throws {@link org.comunidad.platform.content.InvalidInput} and changes nothing.
     */
    public Optional<Community> assign(Viewer viewer, String slug, long memberId, RoleDraft draft) {
        record Given(Community group, CommunityRole role) {
        }
        Optional<Given> given = QuarkusTransaction.requiringNew().call(() -> group(viewer, slug)
                .flatMap(group -> standing(viewer, group, memberId).map(standing -> new Given(group,
                        assign(viewer, group, standing, draft.role(), draft.community(), draft.country()).role))));
        given.ifPresent(g -> realmRoles.follow(List.of(memberId), g.role(), List.of()));
        return given.map(Given::group);
    }

    private Membership assign(Viewer viewer, Community group, Standing standing, String role, String communitySlug,
            String countryCode) {
        long memberId = standing.member().id;
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
        return membership;
    }

    /**
     * Takes one role of a member in the group or a subgroup; then the realm roles no role needs any more.
     * Returns where to go: the member's page if they still hold a role in the group, else the members'
     * list; empty when the group or the role is not there.
     */
    public Optional<String> unassign(Viewer viewer, String slug, long memberId, long membershipId) {
        Optional<Community> group = QuarkusTransaction.requiringNew().call(() -> group(viewer, slug)
                .filter(g -> unassign(viewer, g, memberId, membershipId)));
        if (group.isEmpty()) {
            return Optional.empty();
        }
        realmRoles.follow(List.of(), null, List.of(memberId));
        boolean stillIn = QuarkusTransaction.requiringNew().call(() -> Membership.count(
                "member.id = ?1 and (community.id = ?2 or community.parent.id = ?2)", memberId, group.get().id) > 0);
        return Optional.of(stillIn ? Links.community(group.get().slug, "members", memberId)
                : Links.community(group.get().slug, "members"));
    }

    private boolean unassign(Viewer viewer, Community group, long memberId, long membershipId) {
        requireCoordinator(viewer, group);
        Optional<Membership> found = Membership.<Membership>find("""
                select ms from Membership ms join fetch ms.community c
                where ms.id = ?1 and ms.member.id = ?2 and (c.id = ?3 or c.parent.id = ?3)""",
                membershipId, memberId, group.id).firstResultOptional();
        found.ifPresent(membership -> {
            AuditLog.record(viewer.memberId(), membership.community.id, "ROLE_REMOVE", "member", memberId,
                    membership.role.name() + " in " + membership.community.slug);
            membership.delete();
        });
        return found.isPresent();
    }

    /**
     * Removes every role of the member in the group and its subgroups: their access ends now; then
     * the realm roles no role needs any more. Returns the group; empty when it or the member is not there.
     */
    public Optional<Community> remove(Viewer viewer, String slug, long memberId) {
        Optional<Community> group = QuarkusTransaction.requiringNew().call(() -> group(viewer, slug)
                .filter(g -> standing(viewer, g, memberId).map(standing -> remove(viewer, g, standing)).isPresent()));
        group.ifPresent(g -> realmRoles.follow(List.of(), null, List.of(memberId)));
        return group;
    }

    private int remove(Viewer viewer, Community group, Standing standing) {
        long memberId = standing.member().id;
        int removed = em.createQuery("""
                delete from Membership ms where ms.member.id = :member and ms.community.id in
                (select c.id from Community c where c.id = :group or c.parent.id = :group)""")
                .setParameter("member", memberId).setParameter("group", group.id).executeUpdate();
        AuditLog.record(viewer.memberId(), group.id, "MEMBER_REMOVE", "member", memberId,
                standing.member().displayName + ": " + removed + " roles");
        return removed;
    }

    /**
     * The forum admin disables an account (in Keycloak: no new sign-in, sessions ended) or enables
     * it again ({@link MemberAdminAccess#disables}); a disabled member's next request is refused,
     * though their session is open. Returns the group; empty when the group or the member is not
     * there, or the viewer is not the admin; the admin's own account is a bad request. Keycloak
     * unreachable: {@link KeycloakAccounts.Unavailable}, nothing changed.
     */
    public Optional<Community> setEnabled(Viewer viewer, String slug, long memberId, boolean enable) {
        record Target(Community group, Member member) {
        }
        Optional<Target> target = QuarkusTransaction.requiringNew().call(() -> group(viewer, slug).flatMap(group -> {
            if (!MemberAdminAccess.managesAccounts(viewer)) {
                return Optional.empty();
            }
            if (!MemberAdminAccess.disables(viewer, memberId)) {
                throw new BadRequestException();
            }
            return standing(viewer, group, memberId).map(standing -> new Target(group, standing.member()));
        }));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Member member = target.get().member();
        accounts.setEnabled(member.subject, enable);
        QuarkusTransaction.requiringNew().run(() -> {
            Member.update("disabledAt = ?1 where id = ?2", enable ? null : OffsetDateTime.now(), memberId);
            AuditLog.record(viewer.memberId(), target.get().group().id, enable ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE",
                    "member", memberId, member.displayName);
        });
        return Optional.of(target.get().group());
    }

    private static void requireCoordinator(Viewer viewer, Community group) {
        if (!MemberAdminAccess.manages(viewer, group)) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
    }
}
