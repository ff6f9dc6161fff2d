package org.comunidad.discussion;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The discussions' own strings (why a contribution is refused), in Spanish (messages/dsc.properties), Portuguese
 * (dsc_pt) and English (dsc_en); templates use them as {dsc:...}.
 */
@MessageBundle(value = "dsc", locale = "es")
public interface DiscussionMessages {

    @Message String refused(DiscussionRefusal reason);

    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String activity_period();
    @Message String activity_period_replies();
    @Message String activity_member();
    @Message String activity_member_replies();

    @Message String audit_action(DiscussionAudit.Action action);
}
