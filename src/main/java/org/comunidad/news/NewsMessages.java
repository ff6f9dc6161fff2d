package org.comunidad.news;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the news feature: its own pages and where other pages show it (navigation,
 * search, activity), in Spanish
 * (messages/nws.properties), Portuguese (nws_pt) and English (nws_en); templates use {nws:...}.
 */
@MessageBundle(value = "nws", locale = "es")
public interface NewsMessages {

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period();
    @Message String activity_member();

    // The feature's own pages
    @Message String news_title();
    @Message String news_lead();
    @Message String news_share();
    @Message String news_field_title();
    @Message String news_field_body();
    @Message String news_field_link();
    @Message String news_field_link_hint();
    @Message String news_field_image();
    @Message String news_field_image_hint();
    @Message String news_field_image_alt();
    @Message String news_field_image_alt_hint();
    @Message String news_publish();
    @Message String news_empty();
    @Message String news_back();
    @Message String news_remove_image();
}
