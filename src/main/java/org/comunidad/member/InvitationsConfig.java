package org.comunidad.member;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of invitations. (Keycloak's Admin API is reached through Quarkus' own
 * {@code quarkus.keycloak.admin-client.*} settings, which {@link KeycloakAccounts} reads as they are.)
 */
@ConfigMapping(prefix = "comunidad.invitations")
public interface InvitationsConfig {

    /**
     * How long an invitation link is valid ({@code comunidad.invitations.valid-for}, ISO-8601):
     * the invitation's expiry, and the lifespan of Keycloak's action token in its email.
     */
    @WithDefault("P7D")
    Duration validFor();
}
