package org.comunidad.plan;

import jakarta.inject.Singleton;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What a task's assignee hears: a task assigned to them by someone else (on creation or
 * reassignment, {@code task:{id}:assigned:{member}:{epoch second}}), and its deadline 7 days away
 * ({@link TaskReminders}, {@code task:{id}:due:{deadline}}: once per deadline, again if it moves).
 */
public enum TaskNotice implements NoticeKind {
    TASK_ASSIGNED, TASK_DUE_SOON;

    @Override
    public String title(String language, String actor) {
        TaskMessages m = messages(language);
        return this == TASK_ASSIGNED ? m.notice_assigned(actor) : m.notice_due_soon();
    }

    @Override
    public String label(String language) {
        TaskMessages m = messages(language);
        return this == TASK_ASSIGNED ? m.kind_assigned() : m.kind_due_soon();
    }

    private static TaskMessages messages(String language) {
        return MessageBundles.get(TaskMessages.class, Localized.Literal.of(language));
    }

    /** Contributes the kinds to the notifications. */
    @Singleton
    static class Kinds extends NoticeKinds {
        Kinds() {
            super(45, values());
        }
    }
}
