package org.comunidad.platform.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

/**
 * The one place that knows the shape of a community's addresses: {@code /c/{slug}/{section}/...}.
 * Java builds redirects and stored links with {@link #community}; templates write
 * {@code {community.link('news', item.id)}} (a template extension of each community type
 * that calls this). Path segments are encoded, so a slug or a name can never break out of its
 * segment.
 */
public final class Links {

    /** Every community page lives under this prefix. */
    public static final String COMMUNITY_PREFIX = "/c/";

    private Links() {
    }

    /** {@code /c/{slug}} followed by each part as a path segment (a part may end in {@code #anchor} or {@code ?query}). */
    public static String community(String slug, Object... parts) {
        StringBuilder path = new StringBuilder(COMMUNITY_PREFIX).append(segment(slug));
        for (Object part : parts) {
            if (part == null) {
                continue;
            }
            String text = part.toString();
            if (text.startsWith("#") || text.startsWith("?")) {
                path.append(text);
            } else {
                path.append('/').append(segment(text));
            }
        }
        return path.toString();
    }

    /** A 303 to a path of this site: after a form, the browser loads the page it lands on. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
