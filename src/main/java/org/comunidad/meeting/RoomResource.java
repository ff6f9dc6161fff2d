package org.comunidad.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A community's own virtual room: its page (the address, the next meetings held in it with their
 * "Join") for the group's members, and the coordinator's rotation of its name when it leaks.
 */
@Path("/c/{slug}/room")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class RoomResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance room(MeetingRooms.RoomPage page, boolean rotated);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingRooms rooms;

    @Inject
    Pages pages;

    @GET
    public Response page(@PathParam("slug") String slug, @jakarta.ws.rs.QueryParam("rotated") boolean rotated) {
        MeetingRooms.RoomPage page = rooms.page(currentUser.viewer(), CommunityRef.slug(slug), currentUser.zone(),
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return Response.ok(pages.render(Templates.room(page, rotated))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("slug") String slug) {
        rooms.rotate(currentUser.viewer(), CommunityRef.slug(slug)).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "room", "?rotated=true"));
    }
}
