package org.comunidad.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak, from its distribution on Maven Central (unpacked by the build),
 * started as a child process with the project's realm file plus the demo users (and,
 * for tests, a test client) imported.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "comunidad";
    public static final String ADMIN_USER = "admin";

    /** How the realm is assembled and where Keycloak keeps its data. */
    public record Options(Path home, int httpPort, String baseUrl, String webClientSecret, String apiClientSecret,
            String adminClientSecret, String adminPassword, int smtpPort, boolean persistent, boolean withTestClient,
            Path log) {

        public String issuer() {
            return "http://localhost:" + httpPort + "/realms/" + REALM;
        }
    }

    private final ProcessHandle process;
    private final Options options;

    private KeycloakServer(ProcessHandle process, Options options) {
        this.process = process;
        this.options = options;
    }

    /**
     * A Keycloak launched earlier (the local run starts it while Maven is still building
     * the app), to be waited for with {@link #awaitReady()}.
     */
    public static KeycloakServer adopt(ProcessHandle process, Options options) {
        return new KeycloakServer(process, options);
    }

    /** Starts the Keycloak process without waiting for it: see {@link #awaitReady()}. */
    public static KeycloakServer launch(Options options) {
        Path home = options.home();
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("Keycloak distribution not found at " + home
                    + ": the Maven build unpacks it (maven-dependency-plugin, phase process-test-resources)");
        }
        try {
            writeRealmImport(options);
            List<String> command = new ArrayList<>(List.of(script.toString(), "start-dev",
                    "--http-port=" + options.httpPort(),
                    "--http-management-port=" + Ports.free(),
                    "--import-realm",
                    "--db=" + (options.persistent() ? "dev-file" : "dev-mem"),
                    "--cache=local",
                    "--log-console-output=default"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(options.log().toFile()));
            Map<String, String> env = builder.environment();
            realmEnvironment(env, options.adminPassword(), options.baseUrl(), options.webClientSecret(),
                    options.apiClientSecret(), options.adminClientSecret(), options.smtpPort());
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // A development Keycloak: the quick C1 compiler halves its start-up CPU.
            env.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            Files.createDirectories(options.log().getParent());
            return new KeycloakServer(builder.start().toHandle(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /**
     * What the realm file's placeholders and Keycloak's bootstrap admin read from the environment: the
     * app's address, the clients' secrets, and the captured mailbox Keycloak sends its emails to
     * (invitations' set-password links). Shared with the cluster's Keycloak nodes.
     */
    public static void realmEnvironment(Map<String, String> env, String adminPassword, String baseUrl, String webSecret,
            String apiSecret, String adminSecret, int smtpPort) {
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("COMUNIDAD_BASE_URL", baseUrl);
        env.put("COMUNIDAD_OIDC_CLIENT_SECRET", webSecret);
        env.put("COMUNIDAD_API_CLIENT_SECRET", apiSecret);
        env.put("COMUNIDAD_ADMIN_CLIENT_SECRET", adminSecret);
        env.put("COMUNIDAD_SMTP_HOST", "localhost");
        env.put("COMUNIDAD_SMTP_PORT", String.valueOf(smtpPort));
        env.put("COMUNIDAD_MAIL_FROM", MailServer.FROM);
        env.put("COMUNIDAD_SMTP_SSL", "false");
        env.put("COMUNIDAD_SMTP_STARTTLS", "false");
        env.put("COMUNIDAD_SMTP_AUTH", "false");
        env.put("COMUNIDAD_SMTP_USER", "");
        env.put("COMUNIDAD_SMTP_PASSWORD", "");
    }

    /** The realm of keycloak-realm.json, plus demo users and (for tests) the test clients. */
    static void writeRealmImport(Options options) throws IOException {
        Path project = projectDir();
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(project.resolve("keycloak-realm.json").toFile());
        append(realm, "users", json.readTree(project.resolve("deploy/local/keycloak-demo-users.json").toFile()));
        if (options.withTestClient()) {
            // The test clients, and the flows and authenticator configurations they use.
            JsonNode tests = json.readTree(project.resolve("src/test/resources/keycloak/test-clients.json").toFile());
            tests.fieldNames().forEachRemaining(field -> append(realm, field, tests));
        }
        Path importDir = options.home().resolve("data/import");
        Files.createDirectories(importDir);
        byte[] content = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm);
        Path target = importDir.resolve("comunidad-realm.json");
        if (options.persistent() && Files.exists(target) && !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
            // The realm changed since the last run: start from a fresh Keycloak database so
            // that the import (which skips an existing realm) applies the new definition.
            deleteTree(options.home().resolve("data/h2"));
        }
        Files.write(target, content);
    }

    private static void append(ObjectNode realm, String field, JsonNode extra) {
        ArrayNode target = realm.has(field) ? (ArrayNode) realm.get(field) : realm.putArray(field);
        extra.get(field).forEach(target::add);
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("comunidad.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** Waits until the realm answers (the first start sets up Keycloak: allow minutes). */
    public KeycloakServer awaitReady() {
        awaitReady(Duration.ofMinutes(4));
        return this;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + options.log() + "\n" + tail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + options.log() + "\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(options.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    public String url() {
        return "http://localhost:" + options.httpPort();
    }

    public String issuer() {
        return options.issuer();
    }

    public long pid() {
        return process.pid();
    }

    public String adminPassword() {
        return options.adminPassword();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notInTime) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
