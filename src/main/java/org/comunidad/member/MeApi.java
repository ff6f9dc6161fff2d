package org.comunidad.member;

import org.comunidad.platform.security.CommunityRole;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** The caller's own profile, realm roles and community roles. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = "SecurityScheme")
public class MeApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    Profiles profiles;

    public record Grant(long communityId, long groupId, CommunityRole role, boolean effective) {
    }

    public record Me(long id, String subject, String username, String displayName, String email,
            boolean emailVerified, String country,
            String institution, String position, String language, String timeZone, Set<String> realmRoles,
            List<Grant> communityRoles) {
    }

    @GET
    @Operation(summary = "The signed-in member")
    public Me me() {
        Profiles.Profile m = profiles.of(currentUser.require().id()).orElseThrow(NotFoundException::new);
        Viewer viewer = currentUser.viewer();
        List<Grant> grants = viewer.grants().stream()
                .map(g -> new Grant(g.communityId(), g.groupId(), g.role(), viewer.mayAct(g.role())))
                .toList();
        return new Me(m.id(), m.subject(), m.username(), m.displayName(), m.email(), m.emailVerified(),
                m.countryCode(), m.institution(), m.position(), currentUser.language(), m.timeZone(),
                new TreeSet<>(viewer.realmRoles()), grants);
    }
}
