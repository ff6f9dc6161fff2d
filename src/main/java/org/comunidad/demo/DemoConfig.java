package org.comunidad.demo;

import io.smallrye.config.ConfigMapping;

/** Demo data ({@code comunidad.demo.*}). */
@ConfigMapping(prefix = "comunidad.demo")
public interface DemoConfig {

    /** Loads the demo forum at start: the local run and the tests only, never production. */
    boolean enabled();
}
