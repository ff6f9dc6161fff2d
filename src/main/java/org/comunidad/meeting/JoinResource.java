package org.comunidad.meeting;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * "Join" a meeting: a 303 to the community's room (with the provider's token) or to the meeting's
 * own link, from 15 minutes before the start until the end; otherwise 409 with a page saying when
 * it opens, or why it will not. Members of the group only (404 for anyone else).
 */
@Path("/c/{slug}/meetings/{id}/join")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class JoinResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance closed(MeetingRooms.Join join);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingRooms rooms;

    @Inject
    Pages pages;

    @GET
    public Response join(@PathParam("slug") String slug, @PathParam("id") long id) {
        MeetingRooms.Join join = rooms.join(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.zone(),
                currentUser.locale()).orElseThrow(NotFoundException::new);
        if (join.open()) {
            // The token is in the address: no cache may keep it, and the room must not learn where it came from.
            return Response.seeOther(URI.create(join.url())).header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer").build();
        }
        return Response.status(Response.Status.CONFLICT).entity(pages.render(Templates.closed(join)))
                .header("Cache-Control", "no-store").build();
    }
}
