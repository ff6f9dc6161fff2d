package org.comunidad.post;

import org.comunidad.platform.content.MentionSource;

/** Posts and their comments may mention members; a mention points at the post or the comment. */
public enum PostMention implements MentionSource {
    POST("select '/c/' || c.slug || '/posts/' || x.id as link, left(x.body, 300) as excerpt from post x "
            + "join community c on c.id = x.community_id where x.id = ?1"),
    COMMENT("select '/c/' || c.slug || '/posts/' || p.id || '#comment-' || x.id as link, "
            + "left(x.body, 300) as excerpt from post_comment x join post p on p.id = x.post_id "
            + "join community c on c.id = p.community_id where x.id = ?1");

    private final String target;

    PostMention(String target) {
        this.target = target;
    }

    @Override
    public String target() {
        return target;
    }
}
