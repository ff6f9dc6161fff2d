package org.comunidad.member;

import org.comunidad.platform.security.CommunityRole;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.security.Viewer;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The realm roles that follow the community roles. The realm role is the ceiling of a
 * community role ({@link CommunityRole#requiredRealmRole()}): giving a community role grants
 * the realm role it needs in Keycloak, and once a member holds no community role needing
 * {@code coordinator} or {@code leader} any more (in any community), that realm role is taken
 * back, so that nobody keeps a power, or the two-factor sign-in it brings, that no role of
 * theirs calls for. {@code member} stays: it is every official's base role (the invitation
 * gives it, a request to join relies on it). {@code admin} is never touched: the forum's
 * secretariat is appointed in Keycloak, not by the app. Called after the database change is
 * committed; when Keycloak cannot be reached the change stands, it is logged, and the next
 * change of that member's roles puts Keycloak right.
 */
@ApplicationScoped
public class RealmRoles {

    private static final Logger LOG = Logger.getLogger(RealmRoles.class);

    /** The realm roles the app takes back when no community role needs them. */
    static final Set<String> TAKEN_BACK = Set.of(Viewer.COORDINATOR, Viewer.LEADER);

    @Inject
    KeycloakAccounts accounts;

    /**
     * The realm roles follow a change of community roles, once it is committed: those who gained
     * {@code role} get the realm role it needs (from their next token on), those who lost roles lose
     * the realm roles none of their remaining roles needs. The one place that keeps the ceiling in
     * step; member administration and the presidency rotation both come here.
     */
    public void follow(Collection<Long> gained, CommunityRole role, Collection<Long> lost) {
        gained.forEach(memberId -> grant(memberId, role));
        lost.forEach(this::reconcile);
    }

    /** Grants the realm role this community role needs (from the member's next token on). */
    public void grant(long memberId, CommunityRole role) {
        String subject = subject(memberId);
        try {
            accounts.grantRealmRole(subject, role.requiredRealmRole());
        } catch (KeycloakAccounts.Unavailable unavailable) {
            LOG.warnf("member %d holds %s now, but Keycloak is unreachable: realm role %s not granted", memberId,
                    role, role.requiredRealmRole());
        }
    }

    /** Takes back the realm roles that none of the member's community roles needs any more. */
    public void reconcile(long memberId) {
        record Needs(String subject, Set<String> realmRoles) {
        }
        Needs needs = QuarkusTransaction.requiringNew().call(() -> new Needs(Member.<Member>findById(memberId).subject,
                Membership.<Membership>list("member.id", memberId).stream()
                        .map(ms -> ms.role.requiredRealmRole()).collect(Collectors.toSet())));
        try {
            Set<String> taken = accounts.takeBackRealmRoles(needs.subject(), needs.realmRoles(), TAKEN_BACK,
                    Viewer.MEMBER);
            if (!taken.isEmpty()) {
                LOG.infof("member %d holds no community role needing %s any more: realm role taken back", memberId,
                        taken);
            }
        } catch (KeycloakAccounts.Unavailable unavailable) {
            LOG.warnf("member %d lost community roles, but Keycloak is unreachable: realm roles not checked", memberId);
        }
    }

    private static String subject(long memberId) {
        return QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(memberId).subject);
    }
}
