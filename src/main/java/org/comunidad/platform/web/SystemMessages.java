package org.comunidad.platform.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The platform's own conditions (too busy to show a page now, a request without its form token), in Spanish
 * (messages/sys.properties), Portuguese (sys_pt) and English (sys_en); templates use them as
 * {sys:...}. Kept apart from the big bundle, whose generated code fails verification when it grows.
 */
@MessageBundle(value = "sys", locale = "es")
public interface SystemMessages {

    @Message String busy_title();
    @Message String busy_text();
    @Message String busy_retry();

    @Message String csrf_title();
    @Message String csrf_text();
    @Message String csrf_back();

    @Message String signout_question();

    @Message String too_large_title();
    @Message String too_large_text(String megabytes);
    @Message String too_large_back();
    @Message String invalid_value(String field);
    @Message String invalid_value_unnamed();

    @Message String too_many_title();
    @Message String too_many_pages();
    @Message String too_many_posting(long seconds);
    @Message String too_many_uploads(long seconds);
    @Message String too_many_search(long seconds);
    @Message String too_many_back();

    @Message String account_disabled();

    @Message String unavailable_title();
    @Message String unavailable_database();
    @Message String unavailable_database_sent();
    @Message String unavailable_storage();
    @Message String unavailable_retry();
    @Message String unavailable_back();
}
