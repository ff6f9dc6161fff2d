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
}
