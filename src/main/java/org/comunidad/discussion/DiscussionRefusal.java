package org.comunidad.discussion;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a discussion takes no contribution from this member now (403), in the dsc bundle. */
public enum DiscussionRefusal implements Explained {
    DISCUSSION_CLOSED, DEADLINE_PASSED, TOO_DEEP;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(DiscussionMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
