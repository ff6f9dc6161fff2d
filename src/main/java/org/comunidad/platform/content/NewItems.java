package org.comunidad.platform.content;

/**
 * A feature's tab in "what's new" ({@link WhatsNew}): which rows of its table are items a
 * member has not seen. The platform joins every feature's fragment into one statement, so a
 * feature adds its tab by implementing this in its own package (a CDI bean).
 */
public interface NewItems {

    /** The tab's name, as stored in tab_visit.tab: upper case letters and underscores (NEWS). */
    String tab();

    /**
     * The rows counted, as SQL after "select 1 from": a table with its alias and the
     * conditions, which may use {@code c.id} (the community counted) and {@code :me} (the
     * member), e.g. {@code news_item n where n.community_id = c.id and n.author_id <> :me}.
     */
    String items();

    /** The column that tells when an item became new, e.g. {@code n.created_at}. */
    String at();
}
