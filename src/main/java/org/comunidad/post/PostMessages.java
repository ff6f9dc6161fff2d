package org.comunidad.post;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The posts' own strings (reactions), in Spanish (messages/pst.properties), Portuguese
 * (pst_pt) and English (pst_en); templates use them as {pst:...}.
 */
@MessageBundle(value = "pst", locale = "es")
public interface PostMessages {

    @Message String reaction_label(PostReaction.Kind kind);

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period_posts();
    @Message String activity_period_comments();
    @Message String activity_member_posts();
    @Message String activity_member_comments();
}
