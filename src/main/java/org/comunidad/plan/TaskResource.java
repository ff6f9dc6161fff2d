package org.comunidad.plan;

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

import org.comunidad.plan.TaskService.CommunityTasks;
import org.comunidad.plan.TaskService.FormPage;
import org.comunidad.plan.TaskService.TaskInput;
import org.comunidad.plan.TaskService.TaskPage;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A community's tasks: the list (open ones, or all with {@code ?show=all}; overdue ones marked),
 * a new task (on its own, {@code ?item=} from a plan's activity, {@code ?action=} from a meeting's
 * action item, prefilled), a task's page with its comments, its edit form, its status and comments.
 * Form fields: title, description, assignee (member id), due (a date or a period as written), item,
 * action; status; body.
 */
@Path("/c/{slug}/tasks")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TaskResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CommunityTasks page);

        static native TemplateInstance form(FormPage page, FormState form);

        static native TemplateInstance task(TaskPage page, FormState form);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TaskService tasks;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("show") String show) {
        return pages.render(Templates.list(tasks.communityTasks(currentUser.viewer(), CommunityRef.slug(slug),
                "all".equals(show), currentUser.zone()).orElseThrow(NotFoundException::new)));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm(@PathParam("slug") String slug, @QueryParam("item") String item,
            @QueryParam("action") String action) {
        return pages.render(Templates.form(tasks.newForm(currentUser.viewer(), CommunityRef.slug(slug), item, action)
                .orElseThrow(NotFoundException::new), FormState.empty("task")));
    }

    @POST
    public Response create(@PathParam("slug") String slug, @RestForm String title, @RestForm String description,
            @RestForm String assignee, @RestForm String due, @RestForm String item, @RestForm String action) {
        TaskInput input = new TaskInput(title, description, assignee, due, item, action);
        return pages.submit("task", Pages.typed("title", title, "description", description, "assignee", assignee,
                "due", due, "item", item, "action", action), () -> {
                    Task t = tasks.create(currentUser.viewer(), CommunityRef.slug(slug), input)
                            .orElseThrow(NotFoundException::new);
                    return Links.seeOther(Links.community(slug, "tasks", t.id));
                }, f -> Templates.form(tasks.newForm(currentUser.viewer(), CommunityRef.slug(slug), item, action)
                        .orElseThrow(NotFoundException::new), f));
    }

    @GET
    @Path("{id}")
    public TemplateInstance task(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(taskPage(slug, id, FormState.empty("comment")));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(edit(slug, id, FormState.empty("task")));
    }

    @POST
    @Path("{id}/edit")
    public Response save(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String description, @RestForm String assignee, @RestForm String due) {
        return pages.act("task", Pages.typed("title", title, "description", description, "assignee", assignee,
                "due", due), () -> tasks.save(currentUser.viewer(), CommunityRef.slug(slug), id,
                        new TaskInput(title, description, assignee, due, null, null)),
                Links.community(slug, "tasks", id), f -> edit(slug, id, f));
    }

    @POST
    @Path("{id}/status")
    public Response status(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String status) {
        return pages.act("status", Pages.typed("status", status),
                () -> tasks.setStatus(currentUser.viewer(), CommunityRef.slug(slug), id, status),
                Links.community(slug, "tasks", id), f -> taskPage(slug, id, f));
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String body) {
        return pages.act("comment", Pages.typed("body", body),
                () -> tasks.comment(currentUser.viewer(), CommunityRef.slug(slug), id, body),
                Links.community(slug, "tasks", id, "#comments"), f -> taskPage(slug, id, f));
    }

    private TemplateInstance taskPage(String slug, long id, FormState form) {
        return Templates.task(tasks.page(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.zone())
                .orElseThrow(NotFoundException::new), form);
    }

    private TemplateInstance edit(String slug, long id, FormState form) {
        return Templates.form(tasks.editForm(currentUser.viewer(), CommunityRef.slug(slug), id)
                .orElseThrow(NotFoundException::new), form);
    }
}
