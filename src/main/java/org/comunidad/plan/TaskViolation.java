package org.comunidad.plan;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the task forms refuse in a field (400), with the message from the tasks' bundle. */
public enum TaskViolation implements Explained {
    /** The due date or period cannot be read ({@link Periods}). */
    UNREADABLE_DUE,
    /** The action item is already followed by a task. */
    ALREADY_A_TASK;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(TaskMessages.class, Localized.Literal.of(language)).violation(this);
    }
}
