package org.comunidad.discussion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.text.StoredText;

/** A discussion's opening and replies (mentions highlighted) and its conclusion, stored rendered. */
@ApplicationScoped
public class DiscussionStoredText implements StoredText {

    @Override
    public List<Column> columns() {
        return List.of(new Column("discussion", "opening", DiscussionMention.DISCUSSION.name()),
                new Column("discussion", "conclusion", null),
                new Column("discussion_reply", "body", DiscussionMention.REPLY.name()));
    }
}
