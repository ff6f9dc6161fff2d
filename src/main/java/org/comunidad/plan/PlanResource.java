package org.comunidad.plan;

import java.util.Map;

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

import org.comunidad.community.Community;
import org.comunidad.plan.PlanService.HistoryPage;
import org.comunidad.plan.PlanService.ItemForm;
import org.comunidad.plan.PlanService.ItemInput;
import org.comunidad.plan.PlanService.ListPage;
import org.comunidad.plan.PlanService.PlanForm;
import org.comunidad.plan.PlanService.PlanInput;
import org.comunidad.plan.PlanService.PlanPage;
import org.comunidad.plan.PlanService.YearPage;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A working group's plans (from a subgroup's address: the group's plans with the subgroup's branch
 * and annual plans): the list, a plan's page (its tree with each figure and how it was computed),
 * creating and editing plans and items, validation, the annual work plans with the focal points'
 * quick progress form, and the history kept after validation. An item's anchor on the plan page is
 * {@code #item-{id}}; an annual plan's page is {@code /c/{slug}/plans/{id}/years/{yearId}}.
 */
@Path("/c/{slug}/plans")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PlanResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Community community, ListPage page);

        static native TemplateInstance form(Community community, PlanForm choices, FormState form);

        static native TemplateInstance show(Community community, PlanPage page, FormState form);

        static native TemplateInstance item(Community community, ItemForm choices, FormState form);

        static native TemplateInstance year(Community community, YearPage page, FormState form);

        static native TemplateInstance history(Community community, HistoryPage page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanService service;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list(@PathParam("slug") String slug) {
        ListPage page = service.list(currentUser.viewer(), CommunityRef.slug(slug), currentUser.language())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(page.community(), page));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm(@PathParam("slug") String slug) {
        PlanForm choices = service.newForm(currentUser.viewer(), CommunityRef.slug(slug), currentUser.language())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.form(choices.community(), choices, FormState.empty("plan")));
    }

    @POST
    public Response create(@PathParam("slug") String slug, @RestForm String title, @RestForm String scheme,
            @RestForm String startYear, @RestForm String endYear) {
        Viewer viewer = currentUser.viewer();
        PlanInput input = new PlanInput(title, scheme, startYear, endYear);
        return pages.submit("plan", typed(input), () -> {
            Plan p = service.create(viewer, CommunityRef.slug(slug), input).orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "plans", p.id));
        }, form -> {
            PlanForm choices = service.newForm(viewer, CommunityRef.slug(slug), currentUser.language())
                    .orElseThrow(NotFoundException::new);
            return Templates.form(choices.community(), choices, form);
        });
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.render(page(slug, id, FormState.empty("year")));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        PlanForm choices = service.editForm(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.language())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.form(choices.community(), choices, FormState.empty("plan")));
    }

    @POST
    @Path("{id}/edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String startYear, @RestForm String endYear) {
        Viewer viewer = currentUser.viewer();
        PlanInput input = new PlanInput(title, null, startYear, endYear);
        return pages.act("plan", typed(input), () -> service.edit(viewer, CommunityRef.slug(slug), id, input),
                Links.community(slug, "plans", id), form -> {
                    PlanForm choices = service.editForm(viewer, CommunityRef.slug(slug), id, currentUser.language())
                            .orElseThrow(NotFoundException::new);
                    return Templates.form(choices.community(), choices, form);
                });
    }

    @POST
    @Path("{id}/validate")
    public Response validate(@PathParam("slug") String slug, @PathParam("id") long id) {
        return pages.act("validate", Map.of(), () -> service.validate(currentUser.viewer(), CommunityRef.slug(slug), id),
                Links.community(slug, "plans", id), form -> page(slug, id, form));
    }

    /** An annual work plan: community (the group's or a subgroup's id) and year. */
    @POST
    @Path("{id}/years")
    public Response createYear(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String community,
            @RestForm String year) {
        Viewer viewer = currentUser.viewer();
        return pages.submit("year", Pages.typed("community", community, "year", year), () -> {
            PlanYear y = service.createYear(viewer, CommunityRef.slug(slug), id, community, year)
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "plans", id, "years", y.id));
        }, form -> page(slug, id, form));
    }

    @GET
    @Path("{id}/years/{yearId}")
    public TemplateInstance year(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("yearId") long yearId) {
        return pages.render(yearPage(slug, id, yearId, FormState.empty("progress")));
    }

    @POST
    @Path("{id}/years/{yearId}/validate")
    public Response validateYear(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("yearId") long yearId) {
        return pages.act("validate-year", Map.of(),
                () -> service.validateYear(currentUser.viewer(), CommunityRef.slug(slug), id, yearId),
                Links.community(slug, "plans", id, "years", yearId), form -> yearPage(slug, id, yearId, form));
    }

    @GET
    @Path("{id}/items/new")
    public TemplateInstance newItem(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("parent") Long parent) {
        ItemForm choices = service.newItemForm(currentUser.viewer(), CommunityRef.slug(slug), id, parent,
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return pages.render(Templates.item(choices.community(), choices, FormState.empty("item")));
    }

    @POST
    @Path("{id}/items")
    public Response createItem(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("parent") Long parentQuery, @RestForm Long parent, @RestForm String title,
            @RestForm String description, @RestForm String period, @RestForm String budgetAmount,
            @RestForm String budgetCurrency, @RestForm String funding, @RestForm String country,
            @RestForm String responsible, @RestForm String weight, @RestForm String startYear,
            @RestForm String durationYears, @RestForm String status, @RestForm String progress,
            @RestForm String community, @RestForm String year) {
        Viewer viewer = currentUser.viewer();
        Long parentId = parent != null ? parent : parentQuery;
        ItemInput input = new ItemInput(orEmpty(title), orEmpty(description), orEmpty(period), orEmpty(budgetAmount),
                orEmpty(budgetCurrency), orEmpty(funding), orEmpty(country), orEmpty(responsible), weight, startYear,
                durationYears, status == null ? ItemStatus.PLANNED.name() : status, progress, community,
                orEmpty(year));
        return pages.submit("item", typed(input), () -> {
            PlanItem item = service.createItem(viewer, CommunityRef.slug(slug), id, parentId, input)
                    .orElseThrow(NotFoundException::new);
            return Links.seeOther(Links.community(slug, "plans", id) + "#item-" + item.id);
        }, form -> {
            ItemForm choices = service.newItemForm(viewer, CommunityRef.slug(slug), id, parentId, currentUser.locale())
                    .orElseThrow(NotFoundException::new);
            return Templates.item(choices.community(), choices, form);
        });
    }

    @GET
    @Path("{id}/items/{item}/edit")
    public TemplateInstance editItem(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("item") long item) {
        ItemForm choices = service.editItemForm(currentUser.viewer(), CommunityRef.slug(slug), id, item,
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return pages.render(Templates.item(choices.community(), choices, FormState.empty("item")));
    }

    @POST
    @Path("{id}/items/{item}/edit")
    public Response saveItem(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("item") long item,
            @RestForm String title, @RestForm String description, @RestForm String period,
            @RestForm String budgetAmount, @RestForm String budgetCurrency, @RestForm String funding,
            @RestForm String country, @RestForm String responsible, @RestForm String weight,
            @RestForm String startYear, @RestForm String durationYears, @RestForm String status,
            @RestForm String progress, @RestForm String year) {
        Viewer viewer = currentUser.viewer();
        ItemInput input = new ItemInput(orEmpty(title), orEmpty(description), orEmpty(period), orEmpty(budgetAmount),
                orEmpty(budgetCurrency), orEmpty(funding), orEmpty(country), orEmpty(responsible), weight,
                orEmpty(startYear), orEmpty(durationYears), status, progress, null, orEmpty(year));
        return pages.act("item", typed(input),
                () -> service.saveItem(viewer, CommunityRef.slug(slug), id, item, input, currentUser.locale()),
                Links.community(slug, "plans", id) + "#item-" + item, form -> {
                    ItemForm choices = service.editItemForm(viewer, CommunityRef.slug(slug), id, item,
                            currentUser.locale()).orElseThrow(NotFoundException::new);
                    return Templates.item(choices.community(), choices, form);
                });
    }

    /**
     * The quick form (status, progress) of the plan page and the annual plan page; from=year sends
     * the browser back to the annual plan page, else to the item on the plan page.
     */
    @POST
    @Path("{id}/items/{item}/progress")
    public Response progress(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("item") long item,
            @RestForm String status, @RestForm String progress, @RestForm Long fromYear) {
        Viewer viewer = currentUser.viewer();
        String then = fromYear != null ? Links.community(slug, "plans", id, "years", fromYear) + "#item-" + item
                : Links.community(slug, "plans", id) + "#item-" + item;
        return pages.act("progress-" + item, Pages.typed("status", status, "progress", progress),
                () -> service.progress(viewer, CommunityRef.slug(slug), id, item, status, progress), then,
                form -> fromYear != null ? yearPage(slug, id, fromYear, form) : page(slug, id, form));
    }

    @POST
    @Path("{id}/items/{item}/delete")
    public Response deleteItem(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("item") long item) {
        return pages.act("delete", Map.of(),
                () -> service.deleteItem(currentUser.viewer(), CommunityRef.slug(slug), id, item),
                Links.community(slug, "plans", id), form -> page(slug, id, form));
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("slug") String slug, @PathParam("id") long id) {
        HistoryPage page = service.history(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.language())
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.history(page.community(), page));
    }

    private TemplateInstance page(String slug, long id, FormState form) {
        PlanPage page = service.page(currentUser.viewer(), CommunityRef.slug(slug), id, currentUser.locale())
                .orElseThrow(NotFoundException::new);
        return Templates.show(page.community(), page, form);
    }

    private TemplateInstance yearPage(String slug, long id, long yearId, FormState form) {
        YearPage page = service.year(currentUser.viewer(), CommunityRef.slug(slug), id, yearId, currentUser.locale())
                .orElseThrow(NotFoundException::new);
        return Templates.year(page.community(), page, form);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, String> typed(PlanInput input) {
        return Pages.typed("title", input.title(), "scheme", input.scheme(), "startYear", input.startYear(), "endYear",
                input.endYear());
    }

    private static Map<String, String> typed(ItemInput input) {
        return Pages.typed("title", input.title(), "description", input.description(), "period", input.period(),
                "budgetAmount", input.budgetAmount(), "budgetCurrency", input.budgetCurrency(), "funding",
                input.funding(), "country", input.country(), "responsible", input.responsible(), "weight",
                input.weight(), "startYear", input.startYear(), "durationYears", input.durationYears(), "status",
                input.status(), "progress", input.progress(), "community", input.community(), "year", input.year());
    }
}
