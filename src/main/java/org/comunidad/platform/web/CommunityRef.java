package org.comunidad.platform.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A community as a request names it: by its slug (pages, {@code /c/{slug}/...}) or by its id
 * (the API, {@code /api/communities/{id}/...}). Services take it so that pages and the API call
 * the same method, and look the community up inside their own transaction.
 */
public record CommunityRef(String slug, long id) {

    public static CommunityRef slug(String slug) {
        return new CommunityRef(slug, 0);
    }

    public static CommunityRef id(long id) {
        return new CommunityRef(null, id);
    }

    /** Looks the community up with whichever finder fits how the request named it. */
    public <T> Optional<T> find(Function<String, Optional<T>> bySlug, LongFunction<Optional<T>> byId) {
        return slug != null ? bySlug.apply(slug) : byId.apply(id);
    }
}
