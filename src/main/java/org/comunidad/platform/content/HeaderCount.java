package org.comunidad.platform.content;

/**
 * A number the page header shows to the signed-in member (the bell's unread notifications),
 * counted in the same statement as the page's "what's new" ({@link WhatsNew#page}), so that a page
 * reads them inside its transaction in one round trip. A feature contributes one as a CDI bean.
 */
public interface HeaderCount {

    /**
     * key: capitals (BELL). count: a scalar SQL subquery that may use {@code :me} (the member's id),
     * e.g. {@code select count(*) from (select 1 from notification where member_id = :me limit 100) x}.
     */
    record Fragment(String key, String count) {
    }

    Fragment headerCount();
}
