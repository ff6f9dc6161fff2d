package org.comunidad.document;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.FilterDates;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * All the documents the user may read, as on the forum's website: by type, working group
 * and country, with full-text search inside the files and filters (type, country,
 * language, working group, folder, dates).
 */
@Path("/documents")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DocumentBrowseResource {

    /** The filters as typed, to show them again and to build links. */
    public record Query(String q, String type, String country, String language, String group, Long folder,
            String from, String to) {

        public boolean isFiltered() {
            return notBlank(q) || notBlank(type) || notBlank(country) || notBlank(language) || notBlank(group)
                    || folder != null || notBlank(from) || notBlank(to);
        }

        /** This query with one filter changed (facets link to it), on its first page. */
        public String with(String name, String value) {
            UriBuilder uri = UriBuilder.fromPath("/documents");
            add(uri, "q", q);
            add(uri, "type", name.equals("type") ? value : type);
            add(uri, "country", name.equals("country") ? value : country);
            add(uri, "language", language);
            add(uri, "group", name.equals("group") ? value : group);
            add(uri, "folder", folder == null ? null : folder.toString());
            add(uri, "from", from);
            add(uri, "to", to);
            return uri.build().toString();
        }

        public String page(int page) {
            UriBuilder uri = UriBuilder.fromUri(with("", null));
            uri.queryParam("page", page);
            return uri.build().toString();
        }

        private static void add(UriBuilder uri, String name, String value) {
            if (notBlank(value)) {
                uri.queryParam(name, value);
            }
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance browse(Query query, DocumentSearch.Results results, List<Community> groups,
                List<Country> countries);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    DocumentSearch search;

    @Inject
    Pages pages;

    @GET
    @RateLimited(RateLimited.Kind.SEARCH)
    public TemplateInstance browse(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("country") String country, @QueryParam("language") String language,
            @QueryParam("group") String group, @QueryParam("folder") Long folder, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("1") int page) {
        String text = q == null ? null : q.strip();
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200);
        }
        String lang = language != null && Document.LANGUAGES.contains(language) ? language : null;
        String countryCode = country != null && country.matches("[A-Z]{2}") ? country : null;
        DocumentSearch.BrowsePage found = search.browse(currentUser.viewer(), new DocumentSearch.Filters(text,
                DocumentType.parse(type), countryCode, lang, null, null, folder, FilterDates.parse(from), FilterDates.parse(to), page), group);
        return pages.render(Templates.browse(new Query(text, type, countryCode, lang, group, folder, from, to),
                found.results(), found.groups(), found.countries()));
    }
}
