package org.comunidad.news;

import org.comunidad.platform.content.MentionSource;

/** News items may mention members; a mention points at the item. */
public enum NewsMention implements MentionSource {
    NEWS("select '/c/' || c.slug || '/news/' || x.id as link, left(x.title, 300) as excerpt from news_item x "
            + "join community c on c.id = x.community_id where x.id = ?1");

    private final String target;

    NewsMention(String target) {
        this.target = target;
    }

    @Override
    public String target() {
        return target;
    }
}
