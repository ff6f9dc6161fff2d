package org.comunidad.news;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the news feature. */
@ConfigMapping(prefix = "comunidad.news")
public interface NewsConfig {

    /** Largest image a news item may carry, in bytes: enough for a photo, not for a poster. */
    @WithDefault("5242880")
    long imageMaxBytes();
}
