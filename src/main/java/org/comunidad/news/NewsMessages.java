package org.comunidad.news;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The news' own strings where other pages show them (navigation, search, activity), in Spanish
 * (messages/nws.properties), Portuguese (nws_pt) and English (nws_en); templates use {nws:...}.
 */
@MessageBundle(value = "nws", locale = "es")
public interface NewsMessages {

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period();
    @Message String activity_member();
}
