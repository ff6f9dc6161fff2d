package org.comunidad.community;

/**
 * A feature's tab in a community's navigation (news, posts, discussions, documents), between
 * the feed and the members; {@link CommunityNav} lists the tabs of every feature (CDI beans),
 * in their order, with their "what's new" count. A feature adds its tab by implementing this.
 */
public interface CommunityTab {

    /** The tab's place: lower first. */
    int position();

    /** The address segment after /c/{slug}/ and the name pages give as {@code active} (news). */
    String key();

    /** Its "what's new" tab (WhatsNew, NewItems), or null if it counts nothing. */
    String newItems();

    /** Whether the community has this section (news only in groups, posts only in subgroups). */
    boolean shownIn(Community community);

    /** The tab's label in the language (es, pt, en). */
    String label(String language);
}
