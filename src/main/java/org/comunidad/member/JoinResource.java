package org.comunidad.member;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.comunidad.community.CommunityService;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

        static native TemplateInstance requests(Community community, List<JoinRequests.Pending> pending,
                FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    JoinRequests requests;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Path("join")
    @Transactional
    public TemplateInstance join() {
        return pages.render(Templates.join(requests.joinable(currentUser.viewer()), FormState.empty("join")));
    }

    @POST
    @Path("join/{community}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("community") long communityId, @RestForm String message) {
        Viewer viewer = currentUser.viewer();
        try {
            requests.ask(viewer, communityId, message);
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("join-" + communityId, invalid, Map.of("message", message == null ? "" : message));
            return Response.status(400).entity(QuarkusTransaction.joiningExisting()
                    .call(() -> pages.render(Templates.join(requests.joinable(viewer), form)))).build();
        }
        return Response.seeOther(URI.create("/join")).build();
    }

    @POST
    @Path("join/requests/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") long id) {
        requests.withdraw(currentUser.viewer(), id);
        return Response.seeOther(URI.create("/join")).build();
    }

    @GET
    @Path("c/{slug}/requests")
    @Transactional
    public TemplateInstance pending(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        return pages.render(Templates.requests(community, requests.pending(viewer, community), FormState.empty("decide")));
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
        Community community = community(viewer, slug);
        try {
            requests.decide(viewer, community, id, approve, note);
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("decide-" + id, invalid, Map.of("note", note == null ? "" : note));
            return Response.status(400).entity(QuarkusTransaction.joiningExisting().call(() -> pages.render(
                    Templates.requests(community, requests.pending(viewer, community), form)))).build();
        }
        return Response.seeOther(URI.create("/c/" + community.slug + "/requests")).build();
    }

    private Community community(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
    }
}
