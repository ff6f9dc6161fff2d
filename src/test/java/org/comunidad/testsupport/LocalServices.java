package org.comunidad.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL, the S3 server and Keycloak, started together without Docker, and the
 * configuration that points Comunidad at them. The local run keeps their data under
 * .local/; the tests use throw-away copies.
 */
public final class LocalServices implements AutoCloseable {

    private final PostgresServer postgres;
    private final S3Server s3;
    private final KeycloakServer keycloak;
    private final Map<String, String> config;

    private LocalServices(PostgresServer postgres, S3Server s3, KeycloakServer keycloak, Map<String, String> config) {
        this.postgres = postgres;
        this.s3 = s3;
        this.keycloak = keycloak;
        this.config = config;
    }

    /** Services for the test suite: fresh data, the test client in the realm. */
    public static LocalServices forTests(int appPort) {
        Path work = KeycloakServer.projectDir().resolve("target/test-services");
        try {
            KeycloakServer.deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Secrets secrets = Secrets.random();
        return start(work, appPort, Ports.free(), Ports.free(), secrets, false, true, () -> PostgresServer.ephemeral());
    }

    /** Services for the README's run command: data kept in .local/ between runs. */
    public static LocalServices forLocalRun(int appPort, int keycloakPort, int s3Port, int postgresPort) {
        Path work = KeycloakServer.projectDir().resolve(".local");
        Secrets secrets = Secrets.kept(work.resolve("secrets.properties"));
        return start(work, appPort, keycloakPort, s3Port, secrets, true, false,
                () -> PostgresServer.persistent(work.resolve("postgres"), postgresPort));
    }

    private static LocalServices start(Path work, int appPort, int keycloakPort, int s3Port, Secrets secrets,
            boolean persistent, boolean testClient, java.util.function.Supplier<PostgresServer> postgresFactory) {
        String baseUrl = "http://localhost:" + appPort;
        Path keycloakHome = Path.of(System.getProperty("comunidad.keycloak.home",
                KeycloakServer.projectDir().resolve("target/keycloak/keycloak-26.7.3").toString()));
        // Keycloak takes longest: start it first and the others meanwhile.
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                new KeycloakServer.Options(keycloakHome, keycloakPort, baseUrl, secrets.webClient(), secrets.apiClient(),
                        secrets.keycloakAdmin(), persistent, testClient, work.resolve("keycloak.log"))));
        PostgresServer postgres = null;
        S3Server s3 = null;
        try {
            postgres = postgresFactory.get();
            s3 = S3Server.start(work.resolve("s3"), s3Port);
            KeycloakServer kc = keycloak.join();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", "postgres");
            config.put("quarkus.oidc.auth-server-url", kc.issuer());
            config.put("quarkus.oidc.api.auth-server-url", kc.issuer());
            config.put("quarkus.oidc.credentials.secret", secrets.webClient());
            config.put("quarkus.oidc.token-state-manager.encryption-secret", secrets.session());
            config.put("comunidad.storage.endpoint", s3.endpoint());
            config.put("comunidad.storage.access-key", S3Server.ACCESS_KEY);
            config.put("comunidad.storage.secret-key", S3Server.SECRET_KEY);
            config.put("comunidad.keycloak.admin-password", secrets.keycloakAdmin());
            return new LocalServices(postgres, s3, kc, config);
        } catch (RuntimeException e) {
            keycloak.thenAccept(KeycloakServer::close);
            if (s3 != null) {
                s3.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    public Map<String, String> config() {
        return config;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public S3Server s3() {
        return s3;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    @Override
    public void close() {
        keycloak.close();
        s3.close();
        postgres.close();
    }

    /** Client secrets, the session-cookie key and Keycloak's bootstrap admin password. */
    record Secrets(String webClient, String apiClient, String session, String keycloakAdmin) {

        static Secrets random() {
            return new Secrets(token(), token(), token(), token());
        }

        /** Generated on the first local run and kept, so sessions survive restarts. */
        static Secrets kept(Path file) {
            try {
                Properties p = new Properties();
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        p.load(in);
                    }
                }
                boolean changed = false;
                for (String key : new String[] { "web-client", "api-client", "session", "keycloak-admin" }) {
                    if (p.getProperty(key) == null) {
                        p.setProperty(key, token());
                        changed = true;
                    }
                }
                if (changed) {
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = Files.newOutputStream(file)) {
                        p.store(out, "Secrets of the local run (generated; not for production)");
                    }
                }
                return new Secrets(p.getProperty("web-client"), p.getProperty("api-client"), p.getProperty("session"),
                        p.getProperty("keycloak-admin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String token() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
