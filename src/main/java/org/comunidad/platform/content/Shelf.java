package org.comunidad.platform.content;

import java.util.Collection;
import java.util.List;

import org.comunidad.platform.security.Viewer;

/**
 * Documents another feature may cite (a meeting's documents presented): found by their ids under
 * the repository's own access rules, and the choices offered when citing them in a community.
 * The document feature implements it; a feature that cites documents injects it and never imports
 * the document feature. Each method runs one statement.
 */
public interface Shelf {

    /** A document as a citing page links it: its title, its page and the community that holds it. */
    record Item(long id, String title, String link, String language) {
    }

    /** The documents among {@code ids} that the viewer may read, in the order of {@code ids}; the others are left out. */
    List<Item> find(Viewer viewer, Collection<Long> ids);

    /**
     * The documents the viewer may cite from the community {@code communityId}: those of its working
     * group (the group's and its subgroups'), newest first, at most {@code limit}.
     */
    List<Item> choices(Viewer viewer, long communityId, int limit);
}
