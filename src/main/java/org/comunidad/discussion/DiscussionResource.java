package org.comunidad.discussion;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.community.Community;
import org.comunidad.discussion.DiscussionService.DiscussionInput;
import org.comunidad.discussion.DiscussionService.Lists;
import org.comunidad.discussion.DiscussionService.Thread;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
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
    DiscussionService discussions;

    @Inject
    Forms forms;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug) {
        Lists lists = discussions.lists(currentUser.viewer(), CommunityRef.slug(slug), true)
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(lists.subgroup(), lists));
    }

    /** The form to open a discussion; anyone but the leader and the coordinator is told why they cannot. */
    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("slug") String slug) {
        Community subgroup = discussions.openingForm(currentUser.viewer(), CommunityRef.slug(slug))
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.create(subgroup, FormState.empty("discussion")));
    }

    @POST
    @RateLimited(RateLimited.Kind.POSTING)
    public Response open(@PathParam("slug") String slug, @RestForm String title, @RestForm String agendaTopic,
            @RestForm String opening, @RestForm String deadline) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("discussion", typed(title, agendaTopic, opening, deadline), () -> {
            Thread thread = discussions.open(viewer, CommunityRef.slug(slug),
                    new DiscussionInput(title, agendaTopic, opening, deadline), currentUser.zone())
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "discussions", thread.discussion().id()));
        }, form -> Templates.create(discussions.openingForm(viewer, CommunityRef.slug(slug))
                .orElseThrow(NotFoundException::new), form));
    }

    /**
     * The discussion with one page of its replies ({@link DiscussionService#PAGE_SIZE}, oldest first).
     * With {@code answer} (a top-level reply's id, from its "Answer" link) the form at the bottom
     * answers that reply, quoting it; an id that is no number is a 400, one that names no such reply
     * the viewer sees gives the ordinary form and a notice.
     */
    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("answer") Long answer) {
        return pages.render(page(slug, id, FormState.empty(REPLY_FORM), page, null, answer));
    }

    /** The one reply form of the page, answering a reply or not (its fields are {@code reply-body}). */
    static final String REPLY_FORM = "reply";

    /**
     * Where every link to one reply points (notifications, mentions, search, activity, quotes, the
     * actions on a reply): to the page of the discussion that holds it, at its anchor.
     */
    @GET
    @Path("{id}/replies/{replyId}")
    public Response showReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId) {
        int page = discussions.pageOf(currentUser.viewer(), CommunityRef.slug(slug), id, replyId)
                .orElseThrow(NotFoundException::new);
        return Links.seeOther(replyLink(slug, id, page, replyId));
    }

    /** The address of a reply on its page: the discussion's, with {@code ?page=N} past the first. */
    static String replyLink(String slug, long id, int page, long replyId) {
        return Links.community(slug, "discussions", id) + (page > 1 ? "?page=" + page : "") + "#reply-" + replyId;
    }

    @POST
    @Path("{id}/replies")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response reply(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body,
            @RestForm("parentId") Long parentId) {
        Viewer viewer = currentUser.viewer();
        return pages.submit(REPLY_FORM, Pages.typed("body", body), () -> {
            DiscussionService.Posted posted = discussions.post(viewer, CommunityRef.slug(slug), id, parentId, body,
                    currentUser.zone()).orElseThrow(NotFoundException::new);
            return Links.seeOther(replyLink(slug, id, posted.page(), posted.reply().id()));
        }, form -> page(slug, id, form, parentId == null ? Integer.MAX_VALUE : 1, parentId, parentId));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String agendaTopic, @RestForm String opening, @RestForm String deadline) {
        return act(slug, id, "edit", typed(title, agendaTopic, opening, deadline), () -> discussions.edit(
                currentUser.viewer(), CommunityRef.slug(slug), id,
                new DiscussionInput(title, agendaTopic, opening, deadline), currentUser.zone()));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        discussions.delete(currentUser.viewer(), CommunityRef.slug(slug), id).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "discussions"));
    }

    @POST
    @Path("{id}/pin")
    public Response pin(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm boolean pinned) {
        return act(slug, id, "pin", Map.of(),
                () -> discussions.pin(currentUser.viewer(), CommunityRef.slug(slug), id, pinned));
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String conclusion) {
        return act(slug, id, "close", Pages.typed("conclusion", conclusion),
                () -> discussions.close(currentUser.viewer(), CommunityRef.slug(slug), id, conclusion));
    }

    @POST
    @Path("{id}/reopen")
    public Response reopen(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "reopen", Map.of(),
                () -> discussions.reopen(currentUser.viewer(), CommunityRef.slug(slug), id));
    }

    @POST
    @Path("{id}/hide")
    public Response hide(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String reason) {
        return act(slug, id, "hide", Pages.typed("reason", reason),
                () -> discussions.hide(currentUser.viewer(), CommunityRef.slug(slug), id, reason, true));
    }

    @POST
    @Path("{id}/unhide")
    public Response unhide(@PathParam("slug") String slug, @PathParam("id") long id) {
        return act(slug, id, "hide", Map.of(),
                () -> discussions.hide(currentUser.viewer(), CommunityRef.slug(slug), id, null, false));
    }

    @POST
    @Path("{id}/replies/{replyId}/edit")
    public Response editReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId, @RestForm String body) {
        return actOnReply(slug, id, replyId, "edit-" + replyId, Pages.typed("body", body),
                () -> discussions.editReply(currentUser.viewer(), CommunityRef.slug(slug), id, replyId, body));
    }

    @POST
    @Path("{id}/replies/{replyId}/delete")
    public Response deleteReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId) {
        return actOnReply(slug, id, replyId, "delete-" + replyId, Map.of(),
                () -> discussions.deleteReply(currentUser.viewer(), CommunityRef.slug(slug), id, replyId));
    }

    @POST
    @Path("{id}/replies/{replyId}/hide")
    public Response hideReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId, @RestForm String reason) {
        return actOnReply(slug, id, replyId, "hide-" + replyId, Pages.typed("reason", reason), () -> discussions.hideReply(
                currentUser.viewer(), CommunityRef.slug(slug), id, replyId, reason, true));
    }

    @POST
    @Path("{id}/replies/{replyId}/unhide")
    public Response unhideReply(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("replyId") long replyId) {
        return actOnReply(slug, id, replyId, "hide-" + replyId, Map.of(), () -> discussions.hideReply(currentUser.viewer(),
                CommunityRef.slug(slug), id, replyId, null, false));
    }

    /** Runs an action, then back to the page; on a mistake the page comes back with what was typed. */
    private Response act(String slug, long id, String formId, Map<String, String> typed, Supplier<Optional<?>> action) {
        return pages.act(formId, typed, action, Links.community(slug, "discussions", id),
                form -> page(slug, id, form, 1, null, null));
    }

    /** An action on one reply: back to the page that holds it (its form, on a mistake, is on that page). */
    private Response actOnReply(String slug, long id, long replyId, String formId, Map<String, String> typed,
            Supplier<Optional<?>> action) {
        return pages.act(formId, typed, action, Links.community(slug, "discussions", id, "replies", replyId),
                form -> page(slug, id, form, 1, replyId, null));
    }

    /** The page {@code page} or the one {@code holding} a reply; its form answers {@code answer} when set. */
    private TemplateInstance page(String slug, long id, FormState form, int page, Long holding, Long answer) {
        Thread thread = discussions.page(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.zone(), page,
                holding, answer).orElseThrow(NotFoundException::new);
        String refusal = thread.replyRefusal() == null ? null : forms.message(new Refused(thread.replyRefusal()));
        return Templates.show(thread.subgroup(), thread, form, refusal);
    }

    private static Map<String, String> typed(String title, String agendaTopic, String opening, String deadline) {
        return Pages.typed("title", title, "agendaTopic", agendaTopic, "opening", opening, "deadline", deadline);
    }
}
