package org.comunidad.notification;


import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in member's notifications: the list, opening one (read, then its page), all read. */
@Path("/notifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NotificationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Notifications.Page page, Long before);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Notifications notifications;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        return pages.render(Templates.list(notifications.page(currentUser.require().id(), before), before));
    }

    /** A form button (POST): marks it read and goes to what it is about. Someone else's: not found. */
    @POST
    @Path("{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id) {
        String link = notifications.open(currentUser.require().id(), id).orElseThrow(NotFoundException::new);
        return Links.seeOther(link);
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        notifications.readAll(currentUser.require().id());
        return Links.seeOther("/notifications");
    }
}
