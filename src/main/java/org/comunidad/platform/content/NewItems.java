package org.comunidad.platform.content;

/**
 * A feature's tab in "what's new" ({@link WhatsNew}): which rows of its table are items a
 * member has not seen. The platform joins every feature's fragment into one statement, so a
 * feature adds its tab by implementing this in its own package (a CDI bean).
 */
public interface NewItems {

    /**
     * tab: its name as stored in tab_visit.tab, capitals and underscores (NEWS). items: the rows
     * counted, as SQL after "select 1 from", a table, its alias and conditions that may use
     * {@code c.id} (the community counted) and {@code :me} (the member), e.g.
     * {@code news_item n where n.community_id = c.id and n.author_id <> :me}. at: the column that
     * tells when an item became new ({@code n.created_at}).
     */
    record Fragment(String tab, String items, String at) {
    }

    Fragment newItems();
}
