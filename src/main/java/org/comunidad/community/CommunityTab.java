package org.comunidad.community;

import java.util.function.Predicate;

import org.comunidad.platform.content.Label;

/**
 * A feature's tab in a community's navigation (news, posts, discussions, documents), between
 * the feed and the members; {@link CommunityNav} lists the tabs of every feature (CDI beans),
 * in their order, with their "what's new" count. A feature adds its tab by implementing this.
 */
public interface CommunityTab {

    /**
     * position: lower first; key: the address segment after /c/{slug}/ and the name pages give
     * as {@code active} (news); newItems: its "what's new" tab (NewItems), or null; shownIn:
     * whether a community has the section (news only in groups); label: the tab's text;
     * onMyCommunities: whether "my communities" shows a badge of its new items beside the
     * community (news, posts and discussions do; documents do not).
     */
    record Tab(int position, String key, String newItems, Predicate<Community> shownIn, Label label,
            boolean onMyCommunities) {

        /** A tab whose new items are counted in the navigation only. */
        public Tab(int position, String key, String newItems, Predicate<Community> shownIn, Label label) {
            this(position, key, newItems, shownIn, label, false);
        }
    }

    Tab tab();
}
