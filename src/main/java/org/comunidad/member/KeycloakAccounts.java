package org.comunidad.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's Admin REST API, through the app's service account (client comunidad-admin,
 * roles manage-users and view-users): Keycloak stays the one truth about identities, so
 * creating, disabling and editing an account happens there. Failures of Keycloak itself
 * become {@link Unavailable}, which the pages answer with 503 and nothing saved.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);

    /** Keycloak could not be reached or refused the service account: nothing was changed. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What an invitation creates. */
    public record NewAccount(String email, String firstName, String lastName, String country, String institution,
            String position, String language, String realmRole) {
    }

    /** The attributes a member edits in their profile (institution and position are the administrators'). */
    public record Contact(String phone, String language) {
    }

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "comunidad")
    String realmName;

    @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "comunidad-web")
    String webClientId;

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    /** The id of the account with this email or username, if there is one. */
    public Optional<String> findByEmail(String email) {
        return call(() -> {
            List<UserRepresentation> byEmail = realm().users().searchByEmail(email, true);
            if (!byEmail.isEmpty()) {
                return Optional.of(byEmail.get(0).getId());
            }
            List<UserRepresentation> byName = realm().users().searchByUsername(email, true);
            return byName.stream().findFirst().map(UserRepresentation::getId);
        });
    }

    /**
     * Creates an enabled account that cannot sign in yet: no password, and the required
     * actions "verify email" and "update password". Returns its id.
     */
    public String create(NewAccount account) {
        return call(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(account.email().toLowerCase());
            user.setEmail(account.email());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setRequiredActions(List.of("VERIFY_EMAIL", "UPDATE_PASSWORD"));
            Map<String, List<String>> attributes = new HashMap<>();
            attributes.put("country", List.of(account.country()));
            put(attributes, "institution", account.institution());
            put(attributes, "position", account.position());
            attributes.put("locale", List.of(keycloakLocale(account.language())));
            user.setAttributes(attributes);
            String id;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    // Created meanwhile (the check before is not atomic): the same answer as the check's.
                    org.comunidad.platform.content.Texts.check(List.of(new org.comunidad.platform.content.Violation(
                            "email", MemberViolation.ACCOUNT_EXISTS, 0)));
                }
                if (response.getStatus() != 201) {
                    throw new Unavailable("Keycloak answered " + response.getStatus() + " to the new account", null);
                }
                String location = response.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            try {
                grantRealmRole(id, account.realmRole());
            } catch (RuntimeException e) {
                delete(id);
                throw e;
            }
            return id;
        });
    }

    /**
     * Has Keycloak email the account's link to verify the address and set a password; after
     * that the browser comes back to {@code redirectUri} (registered for the web client).
     */
    public void sendActivation(String userId, String redirectUri, int lifespanSeconds) {
        call(() -> {
            realm().users().get(userId).executeActionsEmail(webClientId, redirectUri, lifespanSeconds,
                    List.of("VERIFY_EMAIL", "UPDATE_PASSWORD"));
            return null;
        });
    }

    /** Whether the account was activated (its password set): then it must not be deleted. */
    public boolean activated(String userId) {
        return call(() -> {
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            return user.getRequiredActions() == null || !user.getRequiredActions().contains("UPDATE_PASSWORD");
        });
    }

    public void delete(String userId) {
        call(() -> {
            try (Response ignored = realm().users().delete(userId)) {
                return null;
            }
        });
    }

    /** Adds a realm role (the ceiling a community role needs), if the account lacks it. */
    public void grantRealmRole(String userId, String role) {
        call(() -> {
            UserResource user = realm().users().get(userId);
            boolean has = user.roles().realmLevel().listEffective().stream().anyMatch(r -> r.getName().equals(role));
            if (!has) {
                RoleRepresentation representation = realm().roles().get(role).toRepresentation();
                user.roles().realmLevel().add(List.of(representation));
            }
            return null;
        });
    }

    /** The account's effective realm roles (composites included). */
    public java.util.Set<String> realmRoles(String userId) {
        return call(() -> realm().users().get(userId).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Removes the realm roles among {@code revocable} that the account holds directly and that
     * are not {@code needed}; an admin account is left alone. What the removed roles gave
     * through their composites and is still needed, and the {@code base} role, is granted
     * directly first (never a role the account did not hold), so the account is never without
     * it. Returns the roles removed.
     */
    public java.util.Set<String> takeBackRealmRoles(String userId, java.util.Set<String> needed,
            java.util.Set<String> revocable, String base) {
        return call(() -> {
            org.keycloak.admin.client.resource.RoleScopeResource roles = realm().users().get(userId).roles().realmLevel();
            java.util.Set<String> effective = names(roles.listEffective());
            if (effective.contains(org.comunidad.platform.security.Viewer.ADMIN)) {
                return java.util.Set.<String>of();
            }
            List<RoleRepresentation> direct = roles.listAll();
            List<RoleRepresentation> removing = direct.stream()
                    .filter(r -> revocable.contains(r.getName()) && !needed.contains(r.getName())).toList();
            if (removing.isEmpty()) {
                return java.util.Set.<String>of();
            }
            java.util.Set<String> kept = names(direct);
            kept.removeAll(names(removing));
            java.util.Set<String> keep = new java.util.TreeSet<>(needed);
            keep.add(base);
            List<RoleRepresentation> adding = keep.stream()
                    .filter(name -> effective.contains(name) && !kept.contains(name))
                    .map(name -> realm().roles().get(name).toRepresentation()).toList();
            if (!adding.isEmpty()) {
                roles.add(adding);
            }
            roles.remove(removing);
            return names(removing);
        });
    }

    private static java.util.Set<String> names(List<RoleRepresentation> roles) {
        return roles.stream().map(RoleRepresentation::getName)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Takes a realm role directly granted to the account away. */
    public void revokeRealmRole(String userId, String role) {
        call(() -> {
            realm().users().get(userId).roles().realmLevel().remove(List.of(realm().roles().get(role).toRepresentation()));
            return null;
        });
    }

    /** Disables or enables the account; disabling also ends its Keycloak sessions. */
    public void setEnabled(String userId, boolean enabled) {
        call(() -> {
            UserResource user = realm().users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(enabled);
            user.update(representation);
            if (!enabled) {
                user.logout();
            }
            return null;
        });
    }

    public boolean isEnabled(String userId) {
        return call(() -> Boolean.TRUE.equals(realm().users().get(userId).toRepresentation().isEnabled()));
    }

    /** Writes the contact data to the account's attributes, keeping the others. */
    public void writeContact(String userId, Contact contact) {
        call(() -> {
            UserResource user = realm().users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            Map<String, List<String>> attributes = representation.getAttributes() == null ? new HashMap<>()
                    : new HashMap<>(representation.getAttributes());
            put(attributes, "phone", contact.phone());
            if (contact.language() != null) {
                attributes.put("locale", List.of(keycloakLocale(contact.language())));
            }
            representation.setAttributes(attributes);
            user.update(representation);
            return null;
        });
    }

    /** The account's attributes (for tests and checks). */
    public Map<String, List<String>> attributes(String userId) {
        return call(() -> {
            Map<String, List<String>> attributes = realm().users().get(userId).toRepresentation().getAttributes();
            return attributes == null ? Map.of() : attributes;
        });
    }

    /** Keycloak's name of our language (Brazilian Portuguese for pt). */
    static String keycloakLocale(String language) {
        return "pt".equals(language) ? "pt-BR" : language;
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value == null || value.isBlank()) {
            attributes.remove(name);
        } else {
            attributes.put(name, new ArrayList<>(List.of(value)));
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak unreachable: %s", e.getMessage());
            throw new Unavailable("Keycloak unreachable", e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("Keycloak answered %d: %s", status, e.getMessage());
            throw new Unavailable("Keycloak answered " + status, e);
        }
    }
}
