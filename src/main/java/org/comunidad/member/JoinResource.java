package org.comunidad.member;

import java.util.List;

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

import org.comunidad.community.Community;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Asking to join (`/join`) and deciding the requests (`/c/{community}/requests`). */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class JoinResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(List<JoinRequests.Joinable> joinable, FormState form);

        static native TemplateInstance requests(JoinRequests.Requests page, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    JoinRequests requests;

    @Inject
    Pages pages;

    @GET
    @Path("join")
    public TemplateInstance join() {
        return pages.render(Templates.join(requests.joinable(currentUser.viewer()), FormState.empty("join")));
    }

    @POST
    @Path("join/{community}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("community") long communityId, @RestForm String message) {
        Viewer viewer = currentUser.viewer();
        return pages.act("join-" + communityId, Pages.typed("message", message),
                () -> requests.ask(viewer, communityId, message), "/join",
                form -> Templates.join(requests.joinable(viewer), form));
    }

    @POST
    @Path("join/requests/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") long id) {
        if (!requests.withdraw(currentUser.viewer(), id)) {
            throw new NotFoundException();
        }
        return Links.seeOther("/join");
    }

    @GET
    @Path("c/{slug}/requests")
    public TemplateInstance pending(@PathParam("slug") String slug) {
        return pages.render(page(currentUser.viewer(), slug, FormState.empty("decide")));
    }

    @POST
    @Path("c/{slug}/requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String note) {
        return decide(slug, id, true, note);
    }

    @POST
    @Path("c/{slug}/requests/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String note) {
        return decide(slug, id, false, note);
    }

    private Response decide(String slug, long id, boolean approve, String note) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("decide-" + id, Pages.typed("note", note), () -> {
            Community community = requests.decide(viewer, slug, id, approve, note).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(community.slug, "requests"));
        }, form -> page(viewer, slug, form));
    }

    private TemplateInstance page(Viewer viewer, String slug, FormState form) {
        return Templates.requests(requests.pending(viewer, slug).orElseThrow(NotFoundException::new), form);
    }
}
