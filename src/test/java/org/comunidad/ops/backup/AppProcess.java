package org.comunidad.ops.backup;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app (target/quarkus-app/quarkus-run.jar, the fast-jar the image runs) as its
 * own process, in the prod profile, configured only by the COMUNIDAD_* variables of
 * deploy/README.md.
 */
final class AppProcess implements AutoCloseable {

    static final Path JAR = projectDir().resolve("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("comunidad.project.dir", System.getProperty("user.dir")));
    }

    /** The environment of one installation: its database, its bucket, the shared issuer. */
    static Map<String, String> environment(String jdbcUrl, String s3Endpoint, String s3Access, String s3Secret,
            String issuer, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COMUNIDAD_DB_URL", jdbcUrl);
        env.put("COMUNIDAD_DB_USER", "postgres");
        env.put("COMUNIDAD_DB_PASSWORD", "unused");
        env.put("COMUNIDAD_OIDC_URL", issuer);
        env.put("COMUNIDAD_OIDC_CLIENT_SECRET", "backup-test-client-secret");
        // The same keys on both stacks, as the operator restores the secrets with the data.
        env.put("COMUNIDAD_SESSION_SECRET", "backup-test-session-secret-0123456789abcdef");
        env.put("COMUNIDAD_CSRF_SECRET", "backup-test-csrf-secret-0123456789abcdefghij");
        env.put("COMUNIDAD_MAIL_LINK_SECRET", "backup-test-mail-link-secret-0123456789abc");
        env.put("COMUNIDAD_TRUSTED_PROXIES", "127.0.0.1");
        env.put("COMUNIDAD_S3_ENDPOINT", s3Endpoint);
        env.put("COMUNIDAD_S3_ACCESS_KEY", s3Access);
        env.put("COMUNIDAD_S3_SECRET_KEY", s3Secret);
        env.put("COMUNIDAD_S3_BUCKET", "comunidad");
        env.put("COMUNIDAD_BASE_URL", "http://127.0.0.1:" + port);
        env.put("COMUNIDAD_KEYCLOAK_URL", issuer.replace("/realms/comunidad", ""));
        env.put("COMUNIDAD_ADMIN_CLIENT_SECRET", "unused");
        // No mail leaves: nothing listens there, and this test sends none.
        env.put("COMUNIDAD_SMTP_HOST", "127.0.0.1");
        env.put("COMUNIDAD_SMTP_PORT", "9");
        env.put("COMUNIDAD_MAIL_FROM", "comunidad@backup-test.invalid");
        return env;
    }

    static AppProcess start(Map<String, String> environment, int port, List<String> systemProperties, Path log,
            Duration timeout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).directory(projectDir().toFile());
            builder.environment().putAll(environment);
            AppProcess app = new AppProcess(builder.start(), port, log);
            app.awaitReady(timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the app was not ready in " + timeout + ":\n" + tail());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
