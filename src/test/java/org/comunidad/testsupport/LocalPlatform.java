package org.comunidad.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's run command (`./mvnw -Plocal`): starts PostgreSQL, the S3 server and
 * Keycloak with data kept in .local/, then Comunidad itself (the packaged app, profile
 * "local", which loads the demo data into an empty database), and prints the URL and
 * the demo sign-ins. Ctrl+C stops everything.
 */
public final class LocalPlatform {

    static final int APP_PORT = Integer.getInteger("comunidad.port", 8080);
    static final int KEYCLOAK_PORT = Integer.getInteger("comunidad.keycloak.port", 8180);
    static final int S3_PORT = Integer.getInteger("comunidad.s3.port", 8333);
    static final int POSTGRES_PORT = Integer.getInteger("comunidad.postgres.port", 54329);
    static final int SMTP_PORT = Integer.getInteger("comunidad.smtp.port", 2525);

    /** The demo officials of deploy/local/keycloak-demo-users.json. */
    static final String[][] DEMO_USERS = {
            { "admin.prosur", "forum admin (secretariat), sees every group" },
            { "coord.seguridad", "Chile, sector coordinator of Security" },
            { "lider.victimas", "Paraguay, leader of the victims-assistance subgroup" },
            { "pf.peru", "Peru, focal point in Security and Health" },
            { "pf.brasil", "Brazil, focal point in Health (Portuguese)" },
            { "fp.guyana", "Guyana, focal point in Disaster Risk Management (English)" },
            { "pf.argentina", "Argentina, focal point in Energy" },
            { "pf.colombia", "Colombia, focal point in Security (in no subgroup)" } };
    static final String DEMO_PASSWORD = "Comunidad.2026";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--prestart-keycloak")) {
            prestartKeycloak();
            return;
        }
        Optional<ProcessHandle> prestarted = LocalServices.prestartedKeycloak();
        for (int port : new int[] { APP_PORT, KEYCLOAK_PORT, S3_PORT, POSTGRES_PORT, SMTP_PORT }) {
            if (port == KEYCLOAK_PORT && prestarted.isPresent()) {
                continue;
            }
            if (!Ports.isFree(port)) {
                System.err.printf("Port %d is in use: is Comunidad already running? Stop it first.%n", port);
                System.exit(2);
            }
        }
        Path project = KeycloakServer.projectDir();
        Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the app first: " + jar + " is missing");
        }
        System.out.println("Starting PostgreSQL, the S3 server and Keycloak (the first run sets up Keycloak: about a minute)...");
        LocalServices services = LocalServices.forLocalRun(APP_PORT, KEYCLOAK_PORT, S3_PORT, POSTGRES_PORT, SMTP_PORT,
                prestarted);
        // The app connects to Keycloak lazily: it starts while Keycloak finishes starting.
        Process app = startApp(jar, services.config());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.destroy();
            try {
                app.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            services.close();
        }));
        awaitReady(app);
        services.keycloak();
        Instant commandStarted = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        printBanner(services, Duration.between(commandStarted, Instant.now()));
        int exit = app.waitFor();
        System.exit(exit);
    }

    /**
     * Maven's first step of the run (after compiling): Keycloak starts while the app is
     * packaged. If the build fails, the shutdown hook stops it with Maven.
     */
    private static void prestartKeycloak() {
        for (int port : new int[] { APP_PORT, KEYCLOAK_PORT }) {
            if (!Ports.isFree(port)) {
                System.err.printf("Port %d is in use: is Comunidad already running? Stop it first.%n", port);
                System.exit(2);
            }
        }
        KeycloakServer keycloak = LocalServices.prestartLocalKeycloak(APP_PORT, KEYCLOAK_PORT, SMTP_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        System.out.println("Keycloak is starting in the background (log: .local/keycloak.log)");
    }

    private static Process startApp(Path jar, Map<String, String> config) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Start-up speed over peak speed for a developer's run (the benchmarks use their own JVM flags).
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + APP_PORT);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static void awaitReady(Process app) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Comunidad exited with " + app.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Comunidad not ready after 3 minutes");
    }

    private static void printBanner(LocalServices services, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\n=====================================================================\n");
        out.append(" Comunidad is running: http://localhost:").append(APP_PORT).append("   (ready ")
                .append(took.toSeconds()).append(" s after the command started)\n");
        out.append(" Sign in with any demo user below, password ").append(DEMO_PASSWORD).append('\n');
        for (String[] user : DEMO_USERS) {
            // The admin and the coordinator also type a one-time code: an authenticator app set up with this secret.
            String totp = Tokens.totpSecret(user[0]).map(secret -> "; one-time code: TOTP secret " + secret).orElse("");
            out.append(String.format("   %-15s %s%s%n", user[0], user[1], totp));
        }
        out.append(" Keycloak: ").append(services.keycloak().url()).append("/admin  (user ")
                .append(KeycloakServer.ADMIN_USER).append(", password in .local/secrets.properties: keycloak-admin)\n");
        out.append(" Emails (invitations, notifications, digests) are not sent out: each one is printed here\n")
                .append(" and kept in .local/mail/ as an .eml file (SMTP on port ").append(SMTP_PORT).append(").\n");
        out.append(" Data is kept in .local/ (delete it to start over). Ctrl+C stops everything.\n");
        out.append("=====================================================================\n");
        System.out.println(out);
    }
}
