package org.comunidad.plan;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a task's action is refused (403), with the message from the tasks' bundle. */
public enum TaskRefusal implements Explained {
    /** Only the community's members (and its moderators) create tasks and comment. */
    NOT_MEMBER,
    /** Only the task's author, its assignee and the community's moderators edit it and change its status. */
    NOT_EDITOR;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(TaskMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
