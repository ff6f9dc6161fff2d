package org.comunidad.platform.notice;

import java.util.List;

/**
 * A feature's kinds of notice: one {@code @ApplicationScoped} bean per feature, in the
 * feature's own package; the notifications collect them all with CDI {@code Instance<>}.
 */
public interface NoticeKinds {

    /** This feature's kinds, in the order their email preferences are listed. */
    List<NoticeKind> kinds();

    /**
     * Where this feature's preferences stand on the profile page, lower first (mentions 10,
     * members 20, presidency 30).
     */
    int position();
}
