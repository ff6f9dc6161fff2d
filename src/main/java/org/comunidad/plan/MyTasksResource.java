package org.comunidad.plan;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.plan.TaskService.MyTasks;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** "My tasks": those assigned to me across my communities, overdue first and marked (open ones, or all with {@code ?show=all}). */
@Path("/tasks")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyTasksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(MyTasks page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TaskService tasks;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance mine(@QueryParam("show") String show) {
        return pages.render(Templates.mine(tasks.mine(currentUser.viewer(), "all".equals(show), currentUser.zone())));
    }
}
