package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.security.CommunityRole;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Languages;
import org.comunidad.platform.web.SiteConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Invitations by email. The coordinator of a group (or the forum admin) invites an address
 * to the group or one of its subgroups with a role: the account is created in Keycloak (the
 * one truth about identities) with the required actions "verify email" and "update
 * password", and Keycloak emails the link, valid for {@link InvitationsConfig#validFor()}.
 * When the invitee has set their password and signs in for the first time, the role is
 * theirs. Pending invitations can be sent again (a fresh link) or revoked (the unused
 * account is deleted).
 */
@ApplicationScoped
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class);
    /** A pragmatic check: one @, a dot in the domain, no spaces; Keycloak checks again. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 255;

    public enum Status {
        PENDING, EXPIRED, ACCEPTED, REVOKED
    }

    /** What the coordinator typed. */
    public record Draft(String email, String firstName, String lastName, String country, String institution,
            String position, String language, String role, String community) {
    }

    /** One invitation as the list shows it; {@code community} is the name of the community it invites to. */
    public record Row(long id, String email, String name, String country, Localized community, CommunityRole role,
            String invitedBy, OffsetDateTime sentAt, int sendCount, OffsetDateTime expiresAt, Status status,
            OffsetDateTime acceptedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    SiteConfig site;

    /**
     * The invitations page of a working group: its invitations and those of its subgroups, newest
     * first, and the choices of the form (the group and its subgroups, the countries, the roles).
     */
    public record Page(Community group, List<Row> invitations, List<Community> communities, List<Country> countries,
            List<CommunityRole> roles) {
    }

    @Inject
    CommunityService communities;

    @Inject
    InvitationsConfig config;

    /** The invitations page of a working group the viewer sees (refused unless they invite there). */
    @Transactional
    public Optional<Page> page(Viewer viewer, String slug) {
        return group(viewer, slug).map(group -> {
            requireCoordinator(viewer, group);
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select i.id, i.email, i.first_name || ' ' || i.last_name as name, i.country_code, i.community_id,
                           i.role, b.display_name as invited_by, i.last_sent_at, i.send_count, i.expires_at, i.status,
                           i.accepted_at
                    from invitation i join member b on b.id = i.invited_by join community c on c.id = i.community_id
                    where c.id = ?1 or c.parent_id = ?1
                    order by i.id desc limit 200""", Tuple.class).setParameter(1, group.id).getResultList();
            List<Community> tree = new ArrayList<>();
            tree.add(group);
            tree.addAll(Community.subgroupsOf(List.of(group.id)));
            OffsetDateTime now = OffsetDateTime.now();
            List<Row> result = new ArrayList<>();
            for (Tuple r : rows) {
                long communityId = r.get("community_id", Number.class).longValue();
                OffsetDateTime expires = SqlValues.timestamp(r.get("expires_at"));
                Status status = Status.valueOf(r.get("status", String.class));
                if (status == Status.PENDING && expires.isBefore(now)) {
                    status = Status.EXPIRED;
                }
                result.add(new Row(r.get("id", Number.class).longValue(), r.get("email", String.class),
                        r.get("name", String.class), r.get("country_code", String.class),
                        tree.stream().filter(c -> c.id == communityId).findFirst().orElse(group).name,
                        CommunityRole.valueOf(r.get("role", String.class)), r.get("invited_by", String.class),
                        SqlValues.timestamp(r.get("last_sent_at")), r.get("send_count", Number.class).intValue(),
                        expires, status, SqlValues.timestamp(r.get("accepted_at"))));
            }
            return new Page(group, result, tree, Country.all(), List.of(CommunityRole.values()));
        });
    }

    /** A working group the viewer may see, by its slug. */
    private Optional<Community> group(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(Community::isGroup);
    }

    /**
     * Creates the account in Keycloak and has Keycloak send the link; records the invitation.
     * Invalid input throws {@link org.comunidad.platform.content.InvalidInput} before anything
     * is created; if Keycloak fails, nothing is kept.
     */
    public Optional<Community> invite(Viewer viewer, String slug, Draft draft) {
        Optional<Community> group = group(viewer, slug);
        group.ifPresent(g -> invite(viewer, g, draft));
        return group;
    }

    private long invite(Viewer viewer, Community group, Draft draft) {
        requireCoordinator(viewer, group);
        String email = Texts.clean(draft.email());
        String firstName = Texts.clean(draft.firstName());
        String lastName = Texts.clean(draft.lastName());
        String institution = Texts.clean(draft.institution());
        String position = Texts.clean(draft.position());
        String language = Texts.clean(draft.language());
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "email", email, 254);
        if (email != null && email.length() <= 254 && !EMAIL.matcher(email).matches()) {
            violations.add(new Violation("email", MemberViolation.INVALID_EMAIL, 0));
        }
        Texts.required(violations, "firstName", firstName, NAME_MAX);
        Texts.required(violations, "lastName", lastName, NAME_MAX);
        Texts.optional(violations, "institution", institution, TEXT_MAX);
        Texts.optional(violations, "position", position, TEXT_MAX);
        if (!Languages.isSupported(language)) {
            violations.add(new Violation("language", Violation.Code.INVALID_CHOICE, 0));
        }
        Target target = QuarkusTransaction.joiningExisting().call(() -> target(group, draft, violations));
        Texts.check(violations);
        String normalized = email.toLowerCase();
        boolean pending = QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from invitation where lower(email) = ?1 and status = 'PENDING'")
                .setParameter(1, normalized).getSingleResult()).longValue() > 0);
        if (pending) {
            Texts.check(List.of(new Violation("email", MemberViolation.INVITATION_PENDING, 0)));
        }
        if (accounts.findByEmail(normalized).isPresent()) {
            Texts.check(List.of(new Violation("email", MemberViolation.ACCOUNT_EXISTS, 0)));
        }
        String userId = accounts.create(new KeycloakAccounts.NewAccount(email, firstName, lastName, target.country,
                institution, position, language, target.role.requiredRealmRole()));
        try {
            // One transaction around the row and Keycloak's email: if the email cannot be sent the
            // row is not kept; if anything fails the account is deleted, so its link is dead too.
            return QuarkusTransaction.requiringNew().call(() -> {
                Object generated = em.createNativeQuery("""
                        insert into invitation (community_id, role, country_code, email, first_name, last_name,
                            institution, position, language, keycloak_user_id, invited_by, expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) returning id""")
                        .setParameter(1, target.community.id).setParameter(2, target.role.name())
                        .setParameter(3, target.country).setParameter(4, email).setParameter(5, firstName)
                        .setParameter(6, lastName).setParameter(7, institution).setParameter(8, position)
                        .setParameter(9, language).setParameter(10, userId).setParameter(11, viewer.memberId())
                        .setParameter(12, OffsetDateTime.now().plus(config.validFor())).getSingleResult();
                long created = ((Number) generated).longValue();
                AuditLog.record(viewer.memberId(), target.community.id, "INVITE", "invitation", created,
                        email + ": " + target.role.name() + " in " + target.community.slug + " for " + target.country);
                accounts.sendActivation(userId, activationReturn(), lifespan());
                return created;
            });
        } catch (RuntimeException e) {
            try {
                accounts.delete(userId);
            } catch (RuntimeException cleanup) {
                LOG.warnf("could not delete the account %s of a failed invitation: %s", userId, cleanup.getMessage());
            }
            throw e;
        }
    }

    /**
     * A fresh link for a pending (or expired) invitation; the old link stops working only when it
     * expires. Returns the group; empty when it or the pending invitation is not there.
     */
    public Optional<Community> resend(Viewer viewer, String slug, long invitationId) {
        Optional<Sent> sent = sent(viewer, slug, invitationId);
        sent.ifPresent(invitation -> {
            accounts.sendActivation(invitation.userId(), activationReturn(), lifespan());
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("""
                        update invitation set last_sent_at = now(), send_count = send_count + 1, expires_at = ?2
                        where id = ?1""").setParameter(1, invitationId)
                        .setParameter(2, OffsetDateTime.now().plus(config.validFor())).executeUpdate();
                AuditLog.record(viewer.memberId(), invitation.group().id, "INVITE_RESEND", "invitation", invitationId,
                        null);
            });
        });
        return sent.map(Sent::group);
    }

    /**
     * Withdraws a pending invitation and deletes its account, unless the invitee already activated
     * it. Returns the group; empty when it or the pending invitation is not there.
     */
    public Optional<Community> revoke(Viewer viewer, String slug, long invitationId) {
        Optional<Sent> sent = sent(viewer, slug, invitationId);
        sent.ifPresent(invitation -> {
            if (!accounts.activated(invitation.userId())) {
                accounts.delete(invitation.userId());
            }
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update invitation set status = 'REVOKED' where id = ?1 and status = 'PENDING'")
                        .setParameter(1, invitationId).executeUpdate();
                AuditLog.record(viewer.memberId(), invitation.group().id, "INVITE_REVOKE", "invitation", invitationId,
                        null);
            });
        });
        return sent.map(Sent::group);
    }

    /** A pending invitation: its working group and the Keycloak account it created. */
    private record Sent(Community group, String userId) {
    }

    /** A pending invitation of a working group the viewer sees (refused unless they invite there). */
    private Optional<Sent> sent(Viewer viewer, String slug, long invitationId) {
        return group(viewer, slug).flatMap(group -> {
            requireCoordinator(viewer, group);
            return QuarkusTransaction.requiringNew().call(() -> pendingIn(group, invitationId))
                    .map(userId -> new Sent(group, userId));
        });
    }

    /**
     * Gives a member the roles of their pending invitations (in the caller's transaction): on
     * their first request after activating the account. Returns the community of the newest,
     * for the welcome redirect.
     */
    public Optional<String> accept(Member member) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select i.id, i.community_id, i.role, i.country_code, i.invited_by, c.slug
                from invitation i join community c on c.id = i.community_id
                where i.keycloak_user_id = ?1 and i.status = 'PENDING' order by i.id for update of i""", Tuple.class)
                .setParameter(1, member.subject).getResultList();
        String slug = null;
        for (Tuple r : rows) {
            long id = r.get("id", Long.class);
            long communityId = r.get("community_id", Long.class);
            CommunityRole role = CommunityRole.valueOf(r.get("role", String.class));
            String country = r.get("country_code", String.class);
            String communitySlug = r.get("slug", String.class);
            boolean taken = role == CommunityRole.COORDINATOR
                    ? Membership.count("community.id = ?1 and role = ?2", communityId, role) > 0
                    : role != CommunityRole.MEMBER && role != CommunityRole.LEADER
                            && Membership.count("community.id = ?1 and role = ?2 and country.code = ?3", communityId,
                                    role, country) > 0;
            CommunityRole given = taken ? CommunityRole.MEMBER : role;
            if (Membership.count("community.id = ?1 and member.id = ?2 and role = ?3", communityId, member.id,
                    given) == 0) {
                Membership membership = new Membership();
                membership.community = Community.findById(communityId);
                membership.member = member;
                membership.role = given;
                membership.country = Country.findById(country);
                membership.persist();
            }
            em.createNativeQuery("""
                    update invitation set status = 'ACCEPTED', accepted_at = now(), accepted_member_id = ?2 where id = ?1""")
                    .setParameter(1, id).setParameter(2, member.id).executeUpdate();
            AuditLog.record(member.id, communityId, "INVITE_ACCEPT", "invitation", id,
                    given.name() + (taken ? " (" + role.name() + " was taken meanwhile)" : ""));
            notices.fire(new Notice(r.get("invited_by", Long.class), MemberNotice.INVITATION_ACCEPTED,
                    "invitation-accepted:" + id, communityId, member.id, Links.community(communitySlug, "members"),
                    null));
            slug = communitySlug;
        }
        return Optional.ofNullable(slug);
    }

    /** The community of the member's most recently accepted invitation, for the welcome redirect. */
    @Transactional
    public Optional<String> latestAccepted(long memberId) {
        @SuppressWarnings("unchecked")
        List<String> latest = em.createNativeQuery("""
                select c.slug from invitation i join community c on c.id = i.community_id
                where i.accepted_member_id = ?1 order by i.accepted_at desc limit 1""")
                .setParameter(1, memberId).getResultList();
        return latest.stream().findFirst();
    }

    private Optional<String> pendingIn(Community group, long invitationId) {
        @SuppressWarnings("unchecked")
        List<String> user = em.createNativeQuery("""
                select i.keycloak_user_id from invitation i join community c on c.id = i.community_id
                where i.id = ?1 and (c.id = ?2 or c.parent_id = ?2) and i.status = 'PENDING'""")
                .setParameter(1, invitationId).setParameter(2, group.id).getResultList();
        return user.stream().findFirst();
    }

    private record Target(Community community, CommunityRole role, String country) {
    }

    /** The community (the group or one of its subgroups), the role it allows and the country. */
    private Target target(Community group, Draft draft, List<Violation> violations) {
        CommunityRole role = Directory.parseRole(draft.role());
        Community community = Community.bySlug(draft.community() == null ? "" : draft.community())
                .filter(c -> c.id.equals(group.id) || (c.parent != null && c.parent.id.equals(group.id)))
                .orElse(null);
        if (role == null) {
            violations.add(Violation.required("role"));
        }
        if (community == null) {
            violations.add(new Violation("community", Violation.Code.INVALID_CHOICE, 0));
        }
        if (role != null && community != null
                && (community.isGroup() ? !role.allowedInGroup() : !role.allowedInSubgroup())) {
            violations.add(new Violation("role", Violation.Code.INVALID_CHOICE, 0));
        }
        String code = Texts.clean(draft.country());
        Country country = code == null ? null : Country.findById(code.toUpperCase());
        if (code == null) {
            violations.add(Violation.required("country"));
        } else if (country == null) {
            violations.add(new Violation("country", Violation.Code.INVALID_CHOICE, 0));
        }
        if (role != null && community != null && country != null && violations.isEmpty()) {
            boolean taken = role == CommunityRole.COORDINATOR
                    ? Membership.count("community.id = ?1 and role = ?2", community.id, role) > 0
                    : role != CommunityRole.MEMBER && role != CommunityRole.LEADER
                            && Membership.count("community.id = ?1 and role = ?2 and country.code = ?3", community.id,
                                    role, country.code) > 0;
            if (taken) {
                violations.add(new Violation("role", MemberViolation.ROLE_TAKEN, 0));
            }
        }
        return new Target(community, role, country == null ? null : country.code);
    }

    private String activationReturn() {
        return site.baseUrl() + "/invitations/welcome";
    }

    private int lifespan() {
        return (int) Math.min(Integer.MAX_VALUE, config.validFor().toSeconds());
    }

    private static void requireCoordinator(Viewer viewer, Community group) {
        if (!MemberAdminAccess.invites(viewer, group)) {
            throw new Refused(Refused.Reason.NOT_COORDINATOR);
        }
    }
}
