package org.comunidad.platform.content;

/**
 * A signed-in member of the community asked for something their role does not allow
 * (a member opening a formal discussion, replying to a closed one). Answered with 403
 * and a message saying why; non-members never get here: they get 404.
 */
public class Refused extends RuntimeException {

    public enum Reason {
        NOT_LEADER, NOT_SUBGROUP_MEMBER, NOT_AUTHOR, NOT_MODERATOR, NOT_COORDINATOR, DISCUSSION_CLOSED,
        DEADLINE_PASSED, NOT_GROUP_MEMBER, TOO_DEEP, NOT_UPLOADER, NOT_DOCUMENT_MANAGER, NOT_FOLDER_MANAGER,
        FOLDER_NOT_EMPTY, TRASH_EXPIRED, NOT_COUNTRY_RESPONSIBLE
    }

    private final Reason reason;

    public Refused(Reason reason) {
        super("refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
