package org.comunidad.discussion;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.transaction.Transactional;
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
import org.comunidad.discussion.DiscussionService.DiscussionInput;
import org.comunidad.discussion.DiscussionService.Lists;
import org.comunidad.discussion.DiscussionService.Thread;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The discussions tab of a subgroup: lists, opening, the thread, replies and the leader's actions. */
@Path("/c/{slug}/discussions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class DiscussionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community subgroup, Lists lists);

        static native TemplateInstance create(Community subgroup, FormState form);

        static native TemplateInstance show(Community subgroup, Thread thread, FormState form, String refusal);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    DiscussionService discussions;

    @Inject
    WhatsNew whatsNew;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        OffsetDateTime seen = whatsNew.visit(viewer.memberId(), subgroup.id, DiscussionContributions.TAB).orElse(null);
        return pages.render(Templates.list(subgroup, discussions.lists(viewer, subgroup, seen)));
    }

    /** The form to open a discussion; anyone but the leader and the coordinator is told why they cannot. */
    @GET
    @Path("new")
    @Transactional
    public TemplateInstance form(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        if (!DiscussionService.canOpen(viewer, subgroup)) {
            throw new Refused(Refused.Reason.NOT_LEADER);
        }
        return pages.render(Templates.create(subgroup, FormState.empty("discussion")));
    }

    @POST
    @RateLimited(RateLimited.Kind.POSTING)
    public Response open(@PathParam("slug") String slug, @RestForm String title, @RestForm String agendaTopic,
            @RestForm String opening, @RestForm String deadline) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        try {
            Discussion d = discussions.open(viewer, subgroup, new DiscussionInput(title, agendaTopic, opening, deadline),
                    currentUser.zone());
            return seeOther("/c/" + subgroup.slug + "/discussions/" + d.id);
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("discussion", invalid, typed(title, agendaTopic, opening, deadline));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.render(Templates.create(subgroup, form))).build();
        }
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        return page(viewer, subgroup, id, FormState.empty("reply"));
    }

    @POST
    @Path("{id}/replies")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response reply(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body,
            @RestForm("parentId") Long parentId) {
        String formId = parentId == null ? "reply" : "reply-" + parentId;
        return act(slug, id, formId, Map.of("body", nn(body)), (viewer, subgroup) -> discussions.reply(viewer, subgroup,
                id, parentId, body, currentUser.zone()));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String agendaTopic, @RestForm String opening, @RestForm String deadline) {
        return act(slug, id, "edit", typed(title, agendaTopic, opening, deadline), (viewer, subgroup) -> discussions
                .edit(viewer, subgroup, id, new DiscussionInput(title, agendaTopic, opening, deadline), currentUser.zone()));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        discussions.delete(viewer, subgroup, id);
        return seeOther("/c/" + subgroup.slug + "/discussions");
    }

    @POST
    @Path("{id}/pin")
    public Response pin(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm boolean pinned) {
        return act(slug, id, "pin", Map.of(), (viewer, subgroup) -> discussions.pin(viewer, subgroup, id, pinned));
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String conclusion) {
        return act(slug, id, "close", Map.of("conclusion", nn(conclusion)),
                (viewer, subgroup) -> discussions.close(viewer, subgroup, id, conclusion));
    }

    @POST
    @Path("{id}/reopen")
    public Response reopen(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "reopen", Map.of(), (viewer, subgroup) -> discussions.reopen(viewer, subgroup, id));
    }

    @POST
    @Path("{id}/hide")
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        return act(slug, id, "hide", Map.of("reason", nn(reason)),
                (viewer, subgroup) -> discussions.hide(viewer, subgroup, id, reason, true));
    }

    @POST
    @Path("{id}/unhide")
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "hide", Map.of(), (viewer, subgroup) -> discussions.hide(viewer, subgroup, id, null, false));
    }

    @POST
    @Path("{id}/replies/{replyId}/edit")
    public Response editReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId, @RestForm String body) {
        return act(slug, id, "edit-" + replyId, Map.of("body", nn(body)),
                (viewer, subgroup) -> discussions.editReply(viewer, subgroup, id, replyId, body));
    }

    @POST
    @Path("{id}/replies/{replyId}/delete")
    public Response deleteReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId) {
        return act(slug, id, "delete-" + replyId, Map.of(),
                (viewer, subgroup) -> discussions.deleteReply(viewer, subgroup, id, replyId));
    }

    @POST
    @Path("{id}/replies/{replyId}/hide")
    public Response hideReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId, @RestForm String reason) {
        return act(slug, id, "hide-" + replyId, Map.of("reason", nn(reason)),
                (viewer, subgroup) -> discussions.hideReply(viewer, subgroup, id, replyId, reason, true));
    }

    @POST
    @Path("{id}/replies/{replyId}/unhide")
    public Response unhideReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId) {
        return act(slug, id, "hide-" + replyId, Map.of(),
                (viewer, subgroup) -> discussions.hideReply(viewer, subgroup, id, replyId, null, false));
    }

    private Response act(String slug, long id, String formId, Map<String, String> typed,
            BiConsumer<Viewer, Community> action) {
        Viewer viewer = currentUser.viewer();
        Community subgroup = subgroup(viewer, slug);
        try {
            action.accept(viewer, subgroup);
        } catch (InvalidInput invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(viewer, subgroup, id, forms.failed(formId, invalid, typed))).build();
        }
        return seeOther("/c/" + subgroup.slug + "/discussions/" + id);
    }

    private TemplateInstance page(Viewer viewer, Community subgroup, long id, FormState form) {
        Thread thread = discussions.thread(viewer, subgroup, id, currentUser.zone()).orElseThrow(NotFoundException::new);
        String refusal = thread.replyRefusal() == null ? null : forms.message(new Refused(thread.replyRefusal()));
        return pages.render(Templates.show(subgroup, thread, form, refusal));
    }

    private Community subgroup(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(c -> !c.isGroup()).orElseThrow(NotFoundException::new);
    }

    private static Map<String, String> typed(String title, String agendaTopic, String opening, String deadline) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", nn(title));
        typed.put("agendaTopic", nn(agendaTopic));
        typed.put("opening", nn(opening));
        typed.put("deadline", nn(deadline));
        return typed;
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
