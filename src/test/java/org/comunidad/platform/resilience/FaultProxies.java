package org.comunidad.platform.resilience;

import java.util.HashMap;
import java.util.Map;

import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.LocalServices;
import org.comunidad.testsupport.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpProxy} between the app and PostgreSQL and another between the app and the S3
 * server, for the tests of {@link ResilienceProfile}. It starts the suite's services itself (the
 * suite's resource finds them started) and points their configuration at the proxies before
 * either resource hands it to the app; it starts first (lowest order), so that both hand the same
 * addresses. Flyway and the demo data go through the proxy at start, like everything else.
 */
public class FaultProxies implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy database;
    private static TcpProxy objectStore;

    static TcpProxy database() {
        return database;
    }

    static TcpProxy objectStore() {
        return objectStore;
    }

    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }

    @Override
    public synchronized Map<String, String> start() {
        new ComunidadTestResource().start();
        LocalServices services = ComunidadTestResource.services();
        database = new TcpProxy("pg-proxy", Ports.free(), () -> services.postgres().port()).start();
        objectStore = new TcpProxy("s3-proxy", Ports.free(), () -> ComunidadTestResource.services().s3().port()).start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url",
                services.config().get("quarkus.datasource.jdbc.url").replaceFirst(":\\d+/", ":" + database.port() + "/"));
        config.put("comunidad.storage.endpoint", "http://127.0.0.1:" + objectStore.port());
        services.config().putAll(config);
        return config;
    }

    @Override
    public synchronized void stop() {
        if (database != null) {
            database.close();
            objectStore.close();
            database = null;
            objectStore = null;
        }
    }
}
