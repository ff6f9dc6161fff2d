package org.comunidad.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the real PostgreSQL, S3 server and Keycloak once for the whole test suite
 * and points the app under test at them.
 */
public class ComunidadTestResource implements QuarkusTestResourceLifecycleManager {

    /** The app under test listens here; Keycloak's redirect URI is registered for it. */
    public static final int APP_PORT = Integer.getInteger("comunidad.test.port", 8081);

    private static LocalServices services;

    public static LocalServices services() {
        if (services == null) {
            throw new IllegalStateException("test services not started");
        }
        return services;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (services == null) {
            services = LocalServices.forTests(APP_PORT);
        }
        Map<String, String> config = new java.util.HashMap<>(services.config());
        config.put("quarkus.http.test-port", String.valueOf(APP_PORT));
        return config;
    }

    @Override
    public synchronized void stop() {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
