package org.comunidad.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The site-wide search page behind the header's search box. */
@Path("/search")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    /** Longer queries are cut: websearch syntax needs no more, and the cost stays bounded. */
    static final int QUERY_MAX = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String q, SiteSearch.Results results);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    SiteSearch search;

    @Inject
    Pages pages;

    @GET
    @RateLimited(RateLimited.Kind.SEARCH)
    public TemplateInstance search(@QueryParam("q") String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > QUERY_MAX) {
            text = text.substring(0, QUERY_MAX);
        }
        SiteSearch.Results results = text.isEmpty() ? null : search.search(currentUser.viewer(), text, currentUser.language());
        return pages.render(Templates.search(text, results));
    }
}
