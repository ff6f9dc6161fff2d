package org.comunidad.platform.notice;

import java.util.List;

/**
 * A feature's kinds of notice, contributed to the notifications, which collect every
 * subclass with CDI {@code Instance<>}. One bean per feature, in the feature's own package:
 * <pre>
 * &#64;Singleton
 * static class Kinds extends NoticeKinds {
 *     Kinds() { super(40, MeetingNotice.values()); }
 * }
 * </pre>
 */
public abstract class NoticeKinds {

    private final int position;
    private final List<NoticeKind> kinds;

    /**
     * @param position where this feature's email preferences stand on the profile page, lower
     *        first (mentions 10, members 20, presidency 30)
     * @param kinds this feature's kinds, in the order their preferences are listed
     */
    protected NoticeKinds(int position, NoticeKind... kinds) {
        this.position = position;
        this.kinds = List.of(kinds);
    }

    public int position() {
        return position;
    }

    public List<NoticeKind> kinds() {
        return kinds;
    }
}
