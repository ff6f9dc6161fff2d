package org.comunidad.post;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the posts feature (its pages, reactions, navigation, search), in Spanish (messages/pst.properties), Portuguese
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

    // The feature's own pages
    @Message String post_title();
    @Message String post_lead();
    @Message String post_new();
    @Message String post_field_body();
    @Message String post_field_body_hint(int max);
    @Message String post_publish();
    @Message String post_read_only();
    @Message String post_empty();
    @Message String post_back();
    @Message String post_single_title();
    @Message String post_comments();
    @Message String post_comment_field();
    @Message String post_comment_submit();
    @Message String post_reactions();
    @Message String post_video_title(String provider);
    @Message String post_video_open(String provider);
}
