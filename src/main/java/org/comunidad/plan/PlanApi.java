package org.comunidad.plan;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.plan.PlanService.ItemInput;
import org.comunidad.plan.PlanService.PlanInput;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/**
 * A working group's plans for integrations, under the same rules as the pages ({@link PlanAccess}):
 * the list, creating a plan, a plan's tree with every figure and the children's shares it came from,
 * items (create, update, the quick progress report), annual plans, and validation. A subgroup's id
 * reaches its group's plans.
 */
@Path("/api/communities/{id}/plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
@SecurityRequirement(name = "SecurityScheme")
public class PlanApi {

    /** A plan to create. scheme: "prosur" (general objective > ... > activity) or "sela"; years: at most ten. */
    public record PlanRequest(String title, String scheme, Integer startYear, Integer endYear) {
        PlanInput input() {
            return new PlanInput(title, scheme, str(startYear), str(endYear));
        }
    }

    /**
     * An item to create (parent: null for a top-level item; community: the owning subgroup's id for a
     * subgroup-owned level) or to update (a null field keeps its value). period: as people write it
     * ("Primer bimestre 2021", "15/03/2021", "Por definir"); budgetCurrency: ISO 4217; country: ISO
     * 3166 alpha-2; responsible: a member's id; status: PLANNED, IN_PROGRESS, DONE, POSTPONED,
     * CANCELLED; progress: 0-100, only for items without children; year: an annual plan's id.
     */
    public record ItemRequest(Long parent, String title, String description, String period, BigDecimal budgetAmount,
            String budgetCurrency, String funding, String country, Long responsible, BigDecimal weight,
            Integer startYear, Integer durationYears, String status, Integer progress, Long community, Long year) {
        ItemInput input() {
            return new ItemInput(title, description, period, budgetAmount == null ? null : budgetAmount.toPlainString(),
                    budgetCurrency, funding, country, str(responsible), weight == null ? null : weight.toPlainString(),
                    str(startYear), str(durationYears), status, str(progress), str(community), str(year));
        }
    }

    /** The quick report: status and progress (0-100) of an item without children. */
    public record ProgressRequest(String status, Integer progress) {
    }

    /** An annual work plan to create: the group's or a subgroup's id, and a year of the plan. */
    public record YearRequest(Long community, Integer year) {
    }

    public record YearDto(long id, long communityId, String community, int year, String status, long items) {
        static YearDto of(PlanService.YearRow y) {
            return new YearDto(y.id(), y.communityId(), y.community(), y.year(), y.status().name(), y.items());
        }
    }

    /** A plan in the list; figure: the whole plan's progress (from a subgroup's id: its branch's), null when none. */
    public record PlanSummaryDto(long id, String title, int startYear, int endYear, String status, String scheme,
            BigDecimal figure, List<YearDto> years) {
    }

    public record ListDto(List<PlanSummaryDto> plans, boolean canCreate) {
    }

    /** One child's share in its parent's figure: excluded when cancelled or without a figure. */
    public record ShareDto(long id, String title, BigDecimal figure, BigDecimal weight, boolean excluded) {
        static List<ShareDto> of(List<PlanService.ShareView> shares) {
            return shares.stream().map(s -> new ShareDto(s.id(), s.title(), s.figure(), s.weight(), s.excluded())).toList();
        }
    }

    /**
     * An item with its rolled-up figure. basis: OWN (its recorded progress), DONE (100 because done),
     * MEAN (the weighted mean of shares), NONE (no figure: cancelled, or every child cancelled).
     */
    public record ItemDto(long id, Long parentId, int depth, String level, String title, String description,
            String period, boolean overdue, String owner, Long yearId, Integer year, String budget, String funding,
            String responsible, String status, int progress, BigDecimal weight, BigDecimal figure, String basis,
            List<ShareDto> shares, boolean canEdit, boolean canReportProgress) {
        static ItemDto of(PlanService.NodeView n) {
            return new ItemDto(n.id(), n.parentId(), n.depth(), n.level(), n.title(), n.description(), n.period(),
                    n.overdue(), n.owner(), n.yearId(), n.year(), n.budget(), n.funding(), n.responsible(),
                    n.status().name(), n.progress(), n.weight(), n.figure(), n.basis().name(), ShareDto.of(n.shares()),
                    n.canEdit(), n.canProgress());
        }
    }

    /** A plan's tree in order (parents before children), its figure and the top-level shares. */
    public record PlanDto(long id, String title, int startYear, int endYear, String status, String scheme,
            BigDecimal figure, List<ShareDto> shares, List<ItemDto> items, List<YearDto> years) {
        static PlanDto of(PlanService.PlanPage p) {
            PlanService.PlanHead h = p.plan();
            return new PlanDto(h.id(), h.title(), h.startYear(), h.endYear(), h.status().name(), h.scheme(), p.figure(),
                    ShareDto.of(p.shares()), p.nodes().stream().map(ItemDto::of).toList(),
                    p.years().stream().map(YearDto::of).toList());
        }
    }

    public record ActivityDto(long id, String title, String parent, String period, boolean overdue, String budget,
            String funding, String responsible, String status, int progress, BigDecimal figure) {
    }

    public record YearPlanDto(YearDto year, BigDecimal figure, List<ActivityDto> activities) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PlanService service;

    @GET
    @Operation(summary = "The working group's plans with their figures and annual plans (a subgroup's id: its branch and annual plans)")
    public ListDto list(@PathParam("id") long communityId) {
        PlanService.ListPage page = service.list(currentUser.viewer(), CommunityRef.id(communityId),
                currentUser.language()).orElseThrow(NotFoundException::new);
        return new ListDto(page.plans().stream().map(r -> new PlanSummaryDto(r.plan().id(), r.plan().title(),
                r.plan().startYear(), r.plan().endYear(), r.plan().status().name(), r.plan().scheme(), r.figure(),
                r.years().stream().map(YearDto::of).toList())).toList(), page.canCreate());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan for the working group (its coordinator, the admin)")
    public Response create(@PathParam("id") long communityId, PlanRequest request) {
        PlanRequest r = request == null ? new PlanRequest(null, null, null, null) : request;
        Plan p = service.create(currentUser.viewer(), CommunityRef.id(communityId), r.input())
                .orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/plans/" + p.id))
                .entity(read(communityId, p.id)).build();
    }

    @GET
    @Path("{pid}")
    @Operation(summary = "A plan's tree, every item with its rolled-up figure and the children's figures and weights it came from")
    public PlanDto get(@PathParam("id") long communityId, @PathParam("pid") long planId) {
        return read(communityId, planId);
    }

    @POST
    @Path("{pid}/validate")
    @Operation(summary = "Validate the plan (the coordinator): later changes are kept in its history")
    public PlanDto validate(@PathParam("id") long communityId, @PathParam("pid") long planId) {
        service.validate(currentUser.viewer(), CommunityRef.id(communityId), planId).orElseThrow(NotFoundException::new);
        return read(communityId, planId);
    }

    @POST
    @Path("{pid}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an item under parent (the coordinator anywhere, a subgroup's leader in its branch)")
    public Response createItem(@PathParam("id") long communityId, @PathParam("pid") long planId, ItemRequest request) {
        ItemRequest r = request == null ? empty() : request;
        ItemInput in = r.input();
        ItemInput input = new ItemInput(in.title() == null ? "" : in.title(), in.description(), in.period(),
                in.budgetAmount(), in.budgetCurrency(), in.funding(), in.country(), in.responsible(), in.weight(),
                in.startYear(), in.durationYears(), in.status() == null ? ItemStatus.PLANNED.name() : in.status(),
                in.progress(), in.community(), in.year());
        PlanItem item = service.createItem(currentUser.viewer(), CommunityRef.id(communityId), planId, r.parent(), input)
                .orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/plans/" + planId))
                .entity(itemDto(communityId, planId, item.id)).build();
    }

    @PUT
    @Path("{pid}/items/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an item's fields (those left null keep their value)")
    public ItemDto updateItem(@PathParam("id") long communityId, @PathParam("pid") long planId,
            @PathParam("item") long itemId, ItemRequest request) {
        ItemRequest r = request == null ? empty() : request;
        service.saveItem(currentUser.viewer(), CommunityRef.id(communityId), planId, itemId, r.input(),
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return itemDto(communityId, planId, itemId);
    }

    @POST
    @Path("{pid}/items/{item}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an item's status and progress (items without children: a parent's figure is computed)")
    public ItemDto progress(@PathParam("id") long communityId, @PathParam("pid") long planId,
            @PathParam("item") long itemId, ProgressRequest request) {
        ProgressRequest r = request == null ? new ProgressRequest(null, null) : request;
        service.progress(currentUser.viewer(), CommunityRef.id(communityId), planId, itemId, r.status(),
                str(r.progress())).orElseThrow(NotFoundException::new);
        return itemDto(communityId, planId, itemId);
    }

    @POST
    @Path("{pid}/years")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an annual work plan of the group or a subgroup (the coordinator, the subgroup's leader)")
    public Response createYear(@PathParam("id") long communityId, @PathParam("pid") long planId, YearRequest request) {
        YearRequest r = request == null ? new YearRequest(null, null) : request;
        PlanYear y = service.createYear(currentUser.viewer(), CommunityRef.id(communityId), planId, str(r.community()),
                str(r.year())).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/plans/" + planId + "/years/" + y.id))
                .entity(year(communityId, planId, y.id)).build();
    }

    @GET
    @Path("{pid}/years/{yid}")
    @Operation(summary = "An annual work plan: its activities with period, budget, funding, responsible, status and figure")
    public YearPlanDto getYear(@PathParam("id") long communityId, @PathParam("pid") long planId,
            @PathParam("yid") long yearId) {
        return year(communityId, planId, yearId);
    }

    @POST
    @Path("{pid}/years/{yid}/validate")
    @Operation(summary = "Validate an annual work plan (the coordinator)")
    public YearPlanDto validateYear(@PathParam("id") long communityId, @PathParam("pid") long planId,
            @PathParam("yid") long yearId) {
        service.validateYear(currentUser.viewer(), CommunityRef.id(communityId), planId, yearId)
                .orElseThrow(NotFoundException::new);
        return year(communityId, planId, yearId);
    }

    private PlanDto read(long communityId, long planId) {
        return service.page(currentUser.viewer(), CommunityRef.id(communityId), planId, currentUser.locale())
                .map(PlanDto::of).orElseThrow(NotFoundException::new);
    }

    private ItemDto itemDto(long communityId, long planId, long itemId) {
        return read(communityId, planId).items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private YearPlanDto year(long communityId, long planId, long yearId) {
        PlanService.YearPage page = service.year(currentUser.viewer(), CommunityRef.id(communityId), planId, yearId,
                currentUser.locale()).orElseThrow(NotFoundException::new);
        return new YearPlanDto(YearDto.of(page.year()), page.figure(), page.rows().stream()
                .map(r -> new ActivityDto(r.id(), r.title(), r.parent(), r.period(), r.overdue(), r.budget(),
                        r.funding(), r.responsible(), r.status().name(), r.progress(), r.figure()))
                .toList());
    }

    private static ItemRequest empty() {
        return new ItemRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
