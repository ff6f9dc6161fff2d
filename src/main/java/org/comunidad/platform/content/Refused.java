package org.comunidad.platform.content;

import org.comunidad.platform.web.AppMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A signed-in member of the community asked for something their role does not allow
 * (a member opening a formal discussion, replying to a closed one). Answered with 403
 * and a message saying why; non-members never get here: they get 404. The reasons every
 * feature shares are {@link Reason}; a feature's own reasons are an enum of its package
 * implementing {@link Explained}.
 */
public class Refused extends RuntimeException {

    /** The community roles' refusals, shared by every feature. */
    public enum Reason implements Explained {
        NOT_LEADER, NOT_SUBGROUP_MEMBER, NOT_AUTHOR, NOT_MODERATOR, NOT_COORDINATOR, NOT_GROUP_MEMBER;

        @Override
        public String message(String language, long limit) {
            return MessageBundles.get(AppMessages.class, Localized.Literal.of(language)).refused(this);
        }
    }

    private final Explained reason;

    public Refused(Explained reason) {
        super("refused: " + reason.name());
        this.reason = reason;
    }

    public Explained reason() {
        return reason;
    }
}
