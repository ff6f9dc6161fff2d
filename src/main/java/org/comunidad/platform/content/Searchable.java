package org.comunidad.platform.content;

/**
 * A kind of content the site search finds (news, posts, discussions): which table, which
 * columns, and its section's labels. The search page joins every feature's fragment into one
 * statement; a feature is found by implementing this in its own package (a CDI bean).
 */
public interface Searchable {

    /**
     * key: the section's id and the address segment (/c/{slug}/{key}/{id}); table: the table
     * and its alias ({@code news_item n}), whose {@code search}, {@code deleted_at} and
     * {@code hidden_at} columns are read; title: a column or {@code null}; text: what the
     * snippet is cut from; at: the date shown and the order among equals; group: the column
     * that must be one of the viewer's readable groups; heading and nothingFound: the section's
     * title and what it says when nothing was found.
     */
    record Fragment(String key, int position, String table, String alias, String title, String text, String at,
            String group, Label heading, Label nothingFound) {
    }

    Fragment searchable();
}
