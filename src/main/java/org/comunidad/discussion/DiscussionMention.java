package org.comunidad.discussion;

import org.comunidad.platform.content.MentionSource;

/** Discussions and their replies may mention members; a mention points at the discussion or the reply. */
public enum DiscussionMention implements MentionSource {
    DISCUSSION("select '/c/' || c.slug || '/discussions/' || x.id as link, left(x.title, 300) as excerpt "
            + "from discussion x join community c on c.id = x.community_id where x.id = ?1"),
    REPLY("select '/c/' || c.slug || '/discussions/' || d.id || '/replies/' || x.id as link, "
            + "left(x.body, 300) as excerpt from discussion_reply x join discussion d on d.id = x.discussion_id "
            + "join community c on c.id = d.community_id where x.id = ?1");

    private final String target;

    DiscussionMention(String target) {
        this.target = target;
    }

    @Override
    public String target() {
        return target;
    }
}
