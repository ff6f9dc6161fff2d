package org.comunidad.news;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

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

import org.comunidad.news.NewsService.NewsInput;
import org.comunidad.news.NewsService.NewsView;
import org.comunidad.platform.content.ApiAuthor;
import org.comunidad.platform.content.ContentView;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.RateLimited;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** A working group's news for integrations: same rules as the pages. */
@Path("/api/communities/{communityId}/news")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "News")
@SecurityRequirement(name = "SecurityScheme")
public class NewsApi {

    public record NewsRequest(String title, String body, String link) {
    }

    public record NewsDto(long id, String title, String body, String html, String link, boolean hasImage,
            boolean pinned, boolean hidden, String hiddenReason, boolean edited, ApiAuthor author,
            OffsetDateTime createdAt) {

        static NewsDto of(NewsView v) {
            ContentView c = v.content();
            return new NewsDto(c.id(), v.title(), c.body(), c.html().getValue(), v.linkUrl(), v.hasImage(), v.pinned(),
                    c.hidden(), c.hiddenReason(), c.edited(), ApiAuthor.of(c.author()), c.createdAt());
        }
    }

    public record NewsList(List<NewsDto> items, int page, boolean hasNext) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    NewsService news;

    @GET
    @Operation(summary = "News of a working group, pinned first then newest (10 per page)")
    public NewsList list(@PathParam("communityId") long communityId, @QueryParam("page") @DefaultValue("1") int page) {
        NewsService.NewsPage result = news.page(currentUser.viewer(), CommunityRef.id(communityId), page, false)
                .orElseThrow(NotFoundException::new);
        return new NewsList(result.items().stream().map(NewsDto::of).toList(), result.page(), result.hasNext());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Share a news item (Markdown text, optional link) with the working group")
    @RateLimited(RateLimited.Kind.POSTING)
    public Response create(@PathParam("communityId") long communityId, NewsRequest request) {
        NewsRequest body = request == null ? new NewsRequest(null, null, null) : request;
        NewsView view = news.create(currentUser.viewer(), CommunityRef.id(communityId),
                new NewsInput(body.title(), body.body(), body.link(), null), null).orElseThrow(NotFoundException::new);
        return Response.created(URI.create("/api/communities/" + communityId + "/news/" + view.id()))
                .entity(NewsDto.of(view)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One news item")
    public NewsDto get(@PathParam("communityId") long communityId, @PathParam("id") long id) {
        return news.find(currentUser.viewer(), CommunityRef.id(communityId), id).map(p -> NewsDto.of(p.view()))
                .orElseThrow(NotFoundException::new);
    }
}
