package org.comunidad.platform.content;

import java.util.ArrayList;
import java.util.List;

import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.security.Viewer;

/** Hiding and showing content again, always with its audit record; hiding needs a reason. */
public final class Moderation {

    public static final int REASON_MAX = 1000;

    private Moderation() {
    }

    public static void apply(Viewer viewer, long communityId, Content<?> content, String targetType, String reason,
            boolean hide) {
        ContentState state = content.changeState();
        long targetId = content.id;
        if (hide) {
            String why = Texts.clean(reason);
            List<Violation> violations = new ArrayList<>();
            Texts.required(violations, "reason", why, REASON_MAX);
            Texts.check(violations);
            state.hide(viewer.memberId(), why);
            AuditLog.record(viewer.memberId(), communityId, "HIDE", targetType, targetId, why);
        } else {
            state.unhide();
            AuditLog.record(viewer.memberId(), communityId, "UNHIDE", targetType, targetId, null);
        }
    }
}
