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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * PostgreSQL, the S3 server and Keycloak, started together without Docker, and the
 * configuration that points Comunidad at them. The local run keeps their data under
 * .local/; the tests use throw-away copies.
 */
public final class LocalServices implements AutoCloseable {

    private final PostgresServer postgres;
    private volatile S3Server s3;
    private final KeycloakServer keycloak;
    private final MailServer mail;
    private final CompletableFuture<KeycloakServer> keycloakReady;
    private final Map<String, String> config;

    private LocalServices(PostgresServer postgres, S3Server s3, KeycloakServer keycloak, MailServer mail,
            CompletableFuture<KeycloakServer> keycloakReady, Map<String, String> config) {
        this.postgres = postgres;
        this.s3 = s3;
        this.keycloak = keycloak;
        this.mail = mail;
        this.keycloakReady = keycloakReady;
        this.config = config;
    }

    /** Services for the test suite: fresh data, the test client in the realm; returns once all are ready. */
    public static LocalServices forTests(int appPort) {
        Path work = KeycloakServer.projectDir().resolve("target/test-services");
        try {
            KeycloakServer.deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Secrets secrets = Secrets.random();
        KeycloakServer.Options options = keycloakOptions(work, appPort, Ports.free(), Ports.free(), secrets, false, true);
        LocalServices services = start(work, secrets, Ports.free(), KeycloakServer.launch(options),
                PostgresServer::ephemeral, () -> MailServer.forTests(options.smtpPort()));
        services.config.put("comunidad.site.base-url", "http://localhost:" + appPort);
        services.keycloak();
        return services;
    }

    /**
     * Services for the README's run command: data kept in .local/ between runs. Returns
     * once PostgreSQL and the S3 server are up; Keycloak may still be starting (the app
     * connects to it lazily), see {@link #keycloak()}.
     */
    public static LocalServices forLocalRun(int appPort, int keycloakPort, int s3Port, int postgresPort, int smtpPort,
            Optional<ProcessHandle> prestarted) {
        Path work = localWorkDir();
        Secrets secrets = Secrets.kept(work.resolve("secrets.properties"));
        KeycloakServer.Options options = localKeycloakOptions(work, appPort, keycloakPort, smtpPort, secrets);
        LocalServices services = start(work, secrets, s3Port, prestarted.isPresent()
                ? KeycloakServer.adopt(prestarted.get(), options)
                : KeycloakServer.launch(options),
                () -> PostgresServer.persistent(work.resolve("postgres"), postgresPort),
                () -> MailServer.forLocalRun(smtpPort, work.resolve("mail")));
        // Links in emails and Keycloak's return after an invitation point at this run.
        services.config.put("comunidad.site.base-url", "http://localhost:" + appPort);
        return services;
    }

    /**
     * Launches the local run's Keycloak while Maven is still packaging the app, so that
     * its start overlaps the build; its pid goes to .local/keycloak.pid, where
     * {@link #prestartedKeycloak} finds it.
     */
    public static KeycloakServer prestartLocalKeycloak(int appPort, int keycloakPort, int smtpPort) {
        Path work = localWorkDir();
        Secrets secrets = Secrets.kept(work.resolve("secrets.properties"));
        KeycloakServer keycloak = KeycloakServer.launch(localKeycloakOptions(work, appPort, keycloakPort, smtpPort,
                secrets));
        try {
            Files.writeString(pidFile(), keycloak.pid() + "\n");
        } catch (IOException e) {
            keycloak.close();
            throw new UncheckedIOException(e);
        }
        return keycloak;
    }

    /** The Keycloak this build launched earlier, if it is still running (read once: the pid file is removed). */
    public static Optional<ProcessHandle> prestartedKeycloak() {
        Path file = pidFile();
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            Files.delete(file);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("keycloak")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path pidFile() {
        return localWorkDir().resolve("keycloak.pid");
    }

    private static Path localWorkDir() {
        return KeycloakServer.projectDir().resolve(".local");
    }

    private static KeycloakServer.Options localKeycloakOptions(Path work, int appPort, int keycloakPort, int smtpPort,
            Secrets secrets) {
        return keycloakOptions(work, appPort, keycloakPort, smtpPort, secrets, true, false);
    }

    private static KeycloakServer.Options keycloakOptions(Path work, int appPort, int keycloakPort, int smtpPort,
            Secrets secrets, boolean persistent, boolean testClient) {
        Path keycloakHome = Path.of(System.getProperty("comunidad.keycloak.home",
                KeycloakServer.projectDir().resolve("target/keycloak/keycloak-26.7.3").toString()));
        return new KeycloakServer.Options(keycloakHome, keycloakPort, "http://localhost:" + appPort, secrets.webClient(),
                secrets.apiClient(), secrets.adminClient(), secrets.keycloakAdmin(), smtpPort, persistent, testClient,
                work.resolve("keycloak.log"));
    }

    private static LocalServices start(Path work, Secrets secrets, int s3Port, KeycloakServer keycloak,
            Supplier<PostgresServer> postgresFactory, Supplier<MailServer> mailFactory) {
        // Keycloak takes longest: it is already starting; the others start meanwhile.
        CompletableFuture<KeycloakServer> keycloakReady = CompletableFuture.supplyAsync(keycloak::awaitReady);
        PostgresServer postgres = null;
        S3Server s3 = null;
        MailServer mail = null;
        try {
            postgres = postgresFactory.get();
            s3 = S3Server.start(work.resolve("s3"), s3Port);
            mail = mailFactory.get();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", "postgres");
            config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
            config.put("quarkus.oidc.api.auth-server-url", keycloak.issuer());
            config.put("quarkus.oidc.credentials.secret", secrets.webClient());
            config.put("quarkus.oidc.token-state-manager.encryption-secret", secrets.session());
            // A key of its own for each: one leaked key forges nothing protected by the others.
            config.put("quarkus.rest-csrf.token-signature-key", secrets.csrf());
            config.put("comunidad.mail.link-secret", secrets.mailLinks());
            config.put("comunidad.storage.endpoint", s3.endpoint());
            config.put("comunidad.storage.access-key", S3Server.ACCESS_KEY);
            config.put("comunidad.storage.secret-key", S3Server.SECRET_KEY);
            config.put("comunidad.keycloak.admin-password", secrets.keycloakAdmin());
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.url());
            config.put("quarkus.keycloak.admin-client.client-secret", secrets.adminClient());
            config.put("quarkus.mailer.host", "localhost");
            config.put("quarkus.mailer.port", String.valueOf(mail.port()));
            config.put("quarkus.mailer.from", MailServer.FROM);
            return new LocalServices(postgres, s3, keycloak, mail, keycloakReady, config);
        } catch (RuntimeException e) {
            keycloak.close();
            if (mail != null) {
                mail.close();
            }
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

    /** Stops the S3 server (an outage, for the tests that need one). */
    public synchronized void stopS3() {
        s3.stop();
    }

    /** Starts the S3 server again on the same port over the same data, after {@link #stopS3()}. */
    public synchronized void restartS3() {
        if (!s3.isRunning()) {
            s3 = S3Server.start(s3.directory(), s3.port());
        }
    }

    /** The SMTP server every email goes to (Keycloak's and the app's): nothing leaves the machine. */
    public MailServer mail() {
        return mail;
    }

    /** Keycloak, waited for until its realm answers. */
    public KeycloakServer keycloak() {
        return keycloakReady.join();
    }

    @Override
    public void close() {
        keycloak.close();
        mail.close();
        s3.close();
        postgres.close();
    }

    /** Client secrets, the keys of the session cookie, form tokens and unsubscribe links, Keycloak's admin password. */
    record Secrets(String webClient, String apiClient, String session, String keycloakAdmin, String adminClient,
            String csrf, String mailLinks) {

        static Secrets random() {
            return new Secrets(token(), token(), token(), token(), token(), token(), token());
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
                for (String key : new String[] { "web-client", "api-client", "session", "keycloak-admin", "admin-client",
                        "csrf", "mail-link" }) {
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
                        p.getProperty("keycloak-admin"), p.getProperty("admin-client"), p.getProperty("csrf"),
                        p.getProperty("mail-link"));
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
