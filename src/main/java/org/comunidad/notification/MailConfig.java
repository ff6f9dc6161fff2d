package org.comunidad.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the notification feature sends its emails ({@code comunidad.mail.*}). */
@ConfigMapping(prefix = "comunidad.mail")
public interface MailConfig {

    /**
     * How often notifications chosen "at once" are emailed (a duration such as {@code 20s}), or
     * {@code off}: the tests send them themselves. Also read by the scheduler's expression.
     */
    String immediateEvery();

    /** The hour, in each member's own time zone, at which their daily digest goes out. */
    @WithDefault("7")
    int digestHour();

    /** The key (32 characters or more) that signs the one-click unsubscribe links. */
    String linkSecret();
}
