package org.comunidad.post;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.platform.text.StoredText;

/** Posts and comments, stored rendered with their mentions highlighted. */
@ApplicationScoped
public class PostStoredText implements StoredText {

    @Override
    public List<Column> columns() {
        return List.of(new Column("post", "body", PostMention.POST.name()),
                new Column("post_comment", "body", PostMention.COMMENT.name()));
    }
}
