package org.comunidad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.text.StoredRendering;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The benchmark suite (`./mvnw -o verify -Pbenchmark -Dbench=suite`) and the soak
 * (`-Dbench=soak -Dbench.minutes=30`), docs/benchmarks.md. The app runs here, in the test's
 * JVM (with the in-process S3 server); PostgreSQL and Keycloak in processes of their own; the
 * load generator ({@link LoadGenerator}) in a JVM of its own, so each one's CPU time is read
 * apart from /proc.
 *
 * <p>Suite: a mixed run (every page, 50 members each with their own session cookie, a random
 * pause of 0.5-1.5 s between pages, at fixed intended times), then one run per page alone at
 * the same rate for clean CPU figures per request. Soak: the mixed run for N minutes, with the
 * heap after a full collection, the RSS and the p95 every minute; it fails when the heap after
 * GC at the end exceeds minute 5's by more than {@code bench.heap.margin} (20%).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = ".*(suite|soak).*")
class SuiteBenchmark {

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    StoredRendering storedRendering;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Inject
    org.comunidad.document.DocumentJobs documentJobs;

    @Inject
    org.comunidad.meeting.MeetingRecordingJobs recordingJobs;

    record Phase(String name, Map<String, String[]> pages, List<String> minutes, long behindMillis, long seconds, long appCpu, long pgCpu,
            long keycloakCpu, long generatorCpu, long rssStart, long rssEnd, String loadStart, String loadEnd) {

        /** Answers received within the window (whenever due): what the CPU of the window served. */
        long requests() {
            return pages.values().stream().mapToLong(f -> Long.parseLong(f[8])).sum();
        }

        double perRequest(long nanos) {
            return requests() == 0 ? Double.NaN : nanos / 1e6 / requests();
        }
    }

    record PageDef(String name, String method, String path, double weight, String auth, int expect) {
    }

    private final Map<Integer, List<double[]>> heapByMinute = new LinkedHashMap<>();
    private static double idleAppPerSecond;
    private static double idlePgPerSecond;

    @Test
    void suite() throws Exception {
        String mode = System.getProperty("bench");
        int members = Integer.getInteger("bench.members", 2_000);
        int posts = Integer.getInteger("bench.posts", 100_000);
        int documents = Integer.getInteger("bench.documents", 10_000);
        int meetings = Integer.getInteger("bench.meetings", 5_000);
        int plans = Integer.getInteger("bench.plans", 10);
        int activities = Integer.getInteger("bench.activities", 20_000);
        int users = Integer.getInteger("bench.users", 50);
        long thinkMs = Long.getLong("bench.think.ms", 1000);
        long warmup = Long.getLong("bench.warmup.seconds", 120);
        long seconds = Long.getLong("bench.seconds", 180);
        long isolatedWarmup = Long.getLong("bench.isolated.warmup.seconds", 30);
        long isolatedSeconds = Long.getLong("bench.isolated.seconds", 60);
        String isolated = System.getProperty("bench.isolated", "feed,me-bearer,me-cookie,feed-bearer,discussion,documents,search,"
                + "meetings,plan,upload,download");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String machine = ProcStats.machine();
        String loadAtStart = ProcStats.loadAverage();

        ForumSeed.Seeded seeded = new ForumSeed(em, store).seed(members, posts, documents, meetings, plans, activities);
        System.out.printf("Seeded in %,d ms:%n%s", seeded.millis(), seeded.counts());
        // The seed writes Markdown by SQL, without its stored HTML: render it now, as the re-rendering job
        // does after a migration, so that pages read stored HTML as they do in production; then vacuum
        // the rows those updates left dead.
        long renderStart = System.nanoTime();
        int rendered = storedRendering.renderStale();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("vacuum analyze");
        }
        System.out.printf("stored rendering: %,d texts rendered, then vacuum analyze, in %,d ms%n", rendered,
                (System.nanoTime() - renderStart) / 1_000_000);
        long hold = Long.getLong("bench.hold.seconds", 0);
        if (hold > 0) {
            // Keeps the seeded database up for EXPLAIN (ANALYZE) from psql: -Dbench.hold.seconds=N.
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("select inet_server_port()")) {
                rs.next();
                System.out.printf("holding %d s: psql -h localhost -p %d -U postgres comunidad%n", hold, rs.getInt(1));
            }
            Thread.sleep(hold * 1000);
        }

        long signInStart = System.nanoTime();
        BenchUsers.createAccounts(users);
        List<BenchUsers.SignedIn> signedIn = BenchUsers.signIn(users);
        long signInMillis = (System.nanoTime() - signInStart) / 1_000_000;

        String base = "http://localhost:" + ComunidadTestResource.APP_PORT;
        List<PageDef> all = List.of(
                new PageDef("feed", "GET", "/c/energia/feed", 3, "cookie", 200),
                // The feed signed as /api/me is (a bearer token): the ratio's other reading. Not in the mix.
                new PageDef("feed-bearer", "GET", "/c/energia/feed", 0, "bearer", 200),
                new PageDef("discussion", "GET", "/c/{sub}/discussions/{disc}", 1.5, "cookie", 200),
                new PageDef("documents", "GET", "/c/{sub}/documents", 1.5, "cookie", 200),
                new PageDef("search", "GET", "/search?q=hidrogeno", 1, "cookie", 200),
                new PageDef("meetings", "GET", "/c/{sub}/meetings", 1, "cookie", 200),
                new PageDef("plan", "GET", "/c/energia/plans/{plan}/dashboard", 0.5, "cookie", 200),
                new PageDef("upload", "POST",
                        "/c/{sub}/documents/upload?title=Nota+{n}&type=REPORT&language=es&country=PE", 0.25, "cookie", 201),
                new PageDef("download", "GET", "/c/{sub}/documents/{doc}/file", 1, "cookie", 200),
                new PageDef("me-cookie", "GET", "/api/me", 0.5, "cookie", 200),
                new PageDef("me-bearer", "GET", "/api/me", 0.5, "bearer", 200));

        // Each page once as the first member: what it answers (a page that cannot answer is left out, and said).
        Map<String, String> firstAnswers = new LinkedHashMap<>();
        List<PageDef> working = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (PageDef page : all) {
            BenchUsers.SignedIn u = signedIn.get(0);
            String path = substitute(page.path(), vars(u, seeded)).replace("{n}", "0");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "es");
            if (page.auth().equals("bearer")) {
                b.header("Authorization", "Bearer " + Tokens.of(u.username()));
            } else {
                b.header("Cookie", u.cookies());
            }
            if (page.method().equals("POST")) {
                b.header("X-CSRF-TOKEN", u.csrf()).header("X-File-Name", "prueba.txt").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("Nota de prueba"));
            }
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            firstAnswers.put(page.name(), String.format("%d, %,d bytes, %.0f ms", r.statusCode(), r.body().length(),
                    (System.nanoTime() - t0) / 1e6));
            if (r.statusCode() == page.expect()) {
                working.add(page);
            } else {
                System.out.printf("page %s (%s) answered %d, left out: %s%n", page.name(), path, r.statusCode(),
                        r.body().substring(0, Math.min(300, r.body().length())));
            }
        }
        System.out.println("First answers: " + firstAnswers);

        StringBuilder report = new StringBuilder();
        report.append(String.format("""
                Benchmark %s, started %s
                machine: %s; load average at start %s
                data: %,d members, %,d posts, %,d documents, %,d meetings, %d plans with %,d activities; seeded in %,d ms
                %s\
                users: %d members signed in through Keycloak's login form (session cookie), in %,d ms
                load: each pauses %d-%d ms (random) between pages, at fixed intended times; latency from the intended time
                first answer of each page (as bench1): %s
                """, mode, started, machine, loadAtStart, members, posts, documents, meetings, plans, activities,
                seeded.millis(), seeded.counts(), users, signInMillis, thinkMs / 2, thinkMs * 3 / 2, firstAnswers));

        Path dir = Path.of("target/benchmark");
        Files.createDirectories(dir);
        long errors = 0;
        if (mode.contains("suite")) {
            errors = suiteRuns(report, working, signedIn, seeded, users, thinkMs, warmup, seconds, isolated, isolatedWarmup,
                    isolatedSeconds, started, loadAtStart, dir);
        }
        if (mode.contains("soak")) {
            soak(mode.contains("suite") ? new StringBuilder(report.substring(0, report.indexOf("\n\n") + 1)) : report,
                    working, signedIn, seeded, users, thinkMs, Long.getLong("bench.soak.warmup.seconds",
                            mode.contains("suite") ? 30 : warmup), dir);
        }
        assertEquals(0, errors, "every request of the mixed run answered as expected");
    }

    private void soak(StringBuilder report, List<PageDef> working, List<BenchUsers.SignedIn> signedIn,
            ForumSeed.Seeded seeded, int users, long thinkMs, long warmup, Path dir) throws Exception {
        {
            long minutes = Long.getLong("bench.minutes", 30);
            Phase soak = run("soak", working.stream().filter(p -> p.weight() > 0).toList(), signedIn, seeded, users, thinkMs, warmup, minutes * 60, true);
            report.append(phaseReport(soak));
            double margin = Double.parseDouble(System.getProperty("bench.heap.margin", "0.20"));
            report.append("\nminute, requests, errors, p95 (ms), heap after GC (MiB), RSS (MiB)\n");
            Map<Integer, String[]> perMinute = new LinkedHashMap<>();
            for (String line : soak.minutes()) {
                String[] f = line.split(" ");
                if (f[2].equals("all")) {
                    perMinute.put(Integer.parseInt(f[1]), f);
                }
            }
            perMinute.forEach((m, f) -> {
                double[] heap = heapByMinute.getOrDefault(m, List.of(new double[] { Double.NaN, Double.NaN })).get(0);
                report.append(String.format("%3d  %6s  %4s  %7s  %7.1f  %7.1f%n", m, f[3], f[4], f[5], heap[0], heap[1]));
            });
            // Minute 5 of a 30-minute soak; the first minute of a short one (a proof that it works).
            int early = minutes > 5 ? 5 : 1;
            int last = (int) minutes;
            double heapEarly = heapByMinute.getOrDefault(early, List.of(new double[] { Double.NaN })).get(0)[0];
            double heapLast = heapByMinute.getOrDefault(last, List.of(new double[] { Double.NaN })).get(0)[0];
            report.append(String.format("heap after GC: minute %d %.1f MiB, minute %d %.1f MiB (%+.1f%%; limit +%.0f%%)%n",
                    early, heapEarly, last, heapLast, (heapLast / heapEarly - 1) * 100, margin * 100));
            write(dir.resolve("soak.txt"), report.toString());
            assertTrue(heapLast <= heapEarly * (1 + margin), "heap after GC grew: " + heapEarly + " -> " + heapLast);
        }
    }


    private long suiteRuns(StringBuilder report, List<PageDef> working, List<BenchUsers.SignedIn> signedIn,
            ForumSeed.Seeded seeded, int users, long thinkMs, long warmup, long seconds, String isolated,
            long isolatedWarmup, long isolatedSeconds, Instant started, String loadAtStart, Path dir) throws Exception {
        // What the app and PostgreSQL use with no request at all (GC, JIT, scheduled jobs), per second:
        // at 50 pages/s, 50 ms/s of it would add 1 ms to every page's figure.
        long idleSeconds = Long.getLong("bench.idle.seconds", 20);
        long self = ProcessHandle.current().pid();
        long pgPid = ProcStats.postmaster(ComunidadTestResource.services().postgres().port()).orElseThrow();
        long kcPid = ComunidadTestResource.services().keycloak().pid();
        // The hourly sweeps list every object of the store: run at their first due time (5 and 7 minutes
        // after start), they fell in a two-minute measured phase and were charged to its pages, at 30
        // times their share of an hour. Paused while pages are measured; run once at the end, measured
        // on their own.
        List<String> sweeps = scheduler.getScheduledJobs().stream()
                .filter(t -> t.getMethodDescription() != null && t.getMethodDescription().contains("sweepScheduled"))
                .map(io.quarkus.scheduler.Trigger::getId).toList();
        sweeps.forEach(scheduler::pause);
        long[] idleBefore = cpu(self, pgPid, kcPid, -1);
        Thread.sleep(idleSeconds * 1000);
        long[] idleAfter = cpu(self, pgPid, kcPid, -1);
        idleAppPerSecond = (idleAfter[0] - idleBefore[0]) / 1e6 / idleSeconds;
        idlePgPerSecond = (idleAfter[1] - idleBefore[1]) / 1e6 / idleSeconds;
        report.append(String.format("idle (no requests, %d s): app %.1f ms of CPU per second, PostgreSQL %.1f ms/s%n",
                idleSeconds, idleAppPerSecond, idlePgPerSecond));

        List<PageDef> mix = working.stream().filter(p -> p.weight() > 0).toList();
        Phase mixed = run("mixed", mix, signedIn, seeded, users, thinkMs, warmup, seconds, false);
        report.append(phaseReport(mixed));
        report.append(settle());
        List<Phase> alone = new ArrayList<>();
        for (String name : isolated.split(",")) {
            working.stream().filter(p -> p.name().equals(name.strip())).findFirst().ifPresent(page -> {
                try {
                    PageDef single = new PageDef(page.name(), page.method(), page.path(), 1, page.auth(), page.expect());
                    alone.add(run(page.name() + " alone", List.of(single), signedIn, seeded, users, thinkMs, isolatedWarmup,
                            isolatedSeconds, false));
                    report.append(settle());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        report.append("\nEach page alone, same users and rate (CPU per request: app JVM, PostgreSQL, Keycloak, load generator):\n");
        for (Phase p : alone) {
            report.append(phaseReport(p));
        }
        report.append(String.format("load average at end %s%n", ProcStats.loadAverage()));
        long[] sweepBefore = cpu(self, pgPid, kcPid, -1);
        long sweepStart = System.nanoTime();
        var documentSweep = documentJobs.sweep(java.time.Duration.ofHours(1));
        var recordingSweep = recordingJobs.sweep(java.time.Duration.ofHours(1));
        long[] sweepAfter = cpu(self, pgPid, kcPid, -1);
        sweeps.forEach(scheduler::resume);
        report.append(String.format("hourly sweeps (%d jobs, paused while pages were measured), run once now: %,d ms, "
                + "CPU app %,.0f ms + PostgreSQL %,.0f ms (%s; %s), that is %.1f ms of CPU per second over their hour%n%n",
                sweeps.size(), (System.nanoTime() - sweepStart) / 1_000_000, (sweepAfter[0] - sweepBefore[0]) / 1e6,
                (sweepAfter[1] - sweepBefore[1]) / 1e6, documentSweep, recordingSweep,
                (sweepAfter[0] - sweepBefore[0] + sweepAfter[1] - sweepBefore[1]) / 1e6 / 3600));
        report.append(markdown(mixed, alone, started, loadAtStart));
        write(dir.resolve("suite.txt"), report.toString());
        return mixed.pages().values().stream().mapToLong(f -> Long.parseLong(f[1])).sum();
    }

    /**
     * The text of the files uploaded in a phase is extracted after it, one file at a time: left to the
     * background job, it ran during the next phase and was charged to that page (the first page alone
     * after the mix cost 10.2 ms where it cost 6.8 ms later in the same run). Drained here, between phases.
     */
    private String settle() {
        long start = System.nanoTime();
        int extracted = documentJobs.extractPending();
        return extracted == 0 ? "" : String.format("(between phases: the text of %d uploaded files extracted, %,d ms)%n",
                extracted, (System.nanoTime() - start) / 1_000_000);
    }

    private static void write(Path file, String text) throws Exception {
        System.out.println(text);
        Files.writeString(file, text);
    }

    private static Map<String, String> vars(BenchUsers.SignedIn u, ForumSeed.Seeded seeded) {
        int sub = u.number() % seeded.subgroups().size();
        long[] docs = seeded.documentsBySubgroup().get(sub);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("sub", seeded.subgroups().get(sub));
        vars.put("disc", String.valueOf(seeded.discussions().get(sub)));
        vars.put("doc", String.valueOf(docs[u.number() % docs.length]));
        vars.put("plan", String.valueOf(seeded.plans().get(u.number() % seeded.plans().size())));
        return vars;
    }

    private static String substitute(String path, Map<String, String> vars) {
        for (Map.Entry<String, String> e : vars.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    /** One run of the load generator in its own JVM, with CPU read at the measured window's edges. */
    private Phase run(String name, List<PageDef> pages, List<BenchUsers.SignedIn> signedIn, ForumSeed.Seeded seeded,
            int users, long thinkMs, long warmup, long seconds, boolean soak) throws Exception {
        Path dir = Path.of("target/benchmark").toAbsolutePath();
        Path plan = dir.resolve("plan-" + name.replace(' ', '-') + ".properties");
        Path out = dir.resolve("result-" + name.replace(' ', '-') + ".txt");
        Properties p = new Properties();
        p.setProperty("base", "http://localhost:" + ComunidadTestResource.APP_PORT);
        p.setProperty("think.ms", String.valueOf(thinkMs));
        p.setProperty("warmup.seconds", String.valueOf(warmup));
        p.setProperty("seconds", String.valueOf(seconds));
        p.setProperty("users", String.valueOf(users));
        p.setProperty("out", out.toString());
        p.setProperty("token.endpoint", Tokens.tokenEndpoint());
        p.setProperty("token.client", Tokens.TEST_CLIENT);
        p.setProperty("token.secret", "test-secret");
        p.setProperty("token.password", Tokens.PASSWORD);
        for (int i = 0; i < pages.size(); i++) {
            PageDef d = pages.get(i);
            String k = "page." + i + ".";
            p.setProperty(k + "name", d.name());
            p.setProperty(k + "method", d.method());
            p.setProperty(k + "path", d.path());
            p.setProperty(k + "weight", String.valueOf(d.weight()));
            p.setProperty(k + "auth", d.auth());
            p.setProperty(k + "expect", String.valueOf(d.expect()));
            p.setProperty(k + "upload.bytes", "2000");
        }
        for (int i = 0; i < signedIn.size(); i++) {
            BenchUsers.SignedIn u = signedIn.get(i);
            String k = "user." + i + ".";
            p.setProperty(k + "username", u.username());
            p.setProperty(k + "cookies", u.cookies());
            p.setProperty(k + "csrf", u.csrf());
            vars(u, seeded).forEach((var, value) -> p.setProperty(k + "var." + var, value));
        }
        try (var w = Files.newBufferedWriter(plan, StandardCharsets.UTF_8)) {
            p.store(w, "load generator plan: " + name);
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process generator = new ProcessBuilder(javaCommand, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(), plan.toString())
                .redirectErrorStream(true).start();
        long self = ProcessHandle.current().pid();
        long pg = ProcStats.postmaster(ComunidadTestResource.services().postgres().port())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster not found"));
        long keycloak = ComunidadTestResource.services().keycloak().pid();
        long[] begin = null;
        long[] end = null;
        String loadStart = "?";
        String loadEnd = "?";
        long rssStart = 0;
        long rssEnd = 0;
        List<String> minutes = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("MEASURE BEGIN")) {
                    begin = cpu(self, pg, keycloak, generator.pid());
                    // The generator's own reading (it may have ended by the time this line is read).
                    begin[3] = Long.parseLong(line.substring("MEASURE BEGIN ".length()).strip());
                    loadStart = ProcStats.loadAverage();
                    rssStart = ProcStats.rss(self);
                } else if (line.startsWith("MEASURE END")) {
                    end = cpu(self, pg, keycloak, generator.pid());
                    end[3] = Long.parseLong(line.substring("MEASURE END ".length()).strip());
                    loadEnd = ProcStats.loadAverage();
                    rssEnd = ProcStats.rss(self);
                } else if (line.startsWith("MINUTE ")) {
                    System.out.println(name + ": " + line);
                    if (soak) {
                        // The heap after a full collection (System.gc() is a full GC with G1), and the RSS.
                        memory.gc();
                        double heap = memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
                        int minute = Integer.parseInt(line.split(" ")[1]);
                        heapByMinute.put(minute, List.of(new double[] { heap, ProcStats.rss(self) / 1024.0 / 1024.0 }));
                        System.out.printf("%s: minute %d heap after GC %.1f MiB, RSS %.1f MiB%n", name, minute, heap,
                                ProcStats.rss(self) / 1024.0 / 1024.0);
                    }
                } else {
                    System.out.println(name + " (generator): " + line);
                }
            }
        }
        generator.waitFor();
        if (begin == null || end == null || !Files.exists(out)) {
            throw new IllegalStateException("the load generator did not finish its run " + name);
        }
        Map<String, String[]> results = new LinkedHashMap<>();
        long behind = 0;
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split(" ");
            if (f[0].equals("BEHIND")) {
                behind = Long.parseLong(f[1]);
            }
            if (f[0].equals("PAGE")) {
                results.put(f[1], java.util.Arrays.copyOfRange(f, 2, f.length));
            } else if (f[0].equals("MINUTE")) {
                minutes.add(line);
            }
        }
        Phase phase = new Phase(name, results, minutes, behind, seconds, end[0] - begin[0], end[1] - begin[1], end[2] - begin[2],
                end[3] - begin[3], rssStart, rssEnd, loadStart, loadEnd);
        System.out.println(phaseReport(phase));
        return phase;
    }

    /** CPU time (ns) so far of: the app (this JVM and the text extractor it forks), PostgreSQL, Keycloak, the generator. */
    private static long[] cpu(long self, long pg, long keycloak, long generator) {
        long app = ProcStats.cpu(self);
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            String cmd = ProcStats.cmdline(child.pid());
            if (child.pid() != generator && child.pid() != keycloak && !cmd.contains("keycloak") && !cmd.contains("postgres")
                    && !cmd.contains(LoadGenerator.class.getName())) {
                app += ProcStats.cpu(child.pid());
            }
        }
        return new long[] { app, ProcStats.postgresCpu(pg), ProcStats.treeCpu(keycloak), ProcStats.cpu(generator) };
    }

    private static String phaseReport(Phase p) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%n%s: %d s measured, load average %s -> %s, app RSS %.0f -> %.0f MiB%n", p.name(),
                p.seconds(), p.loadStart(), p.loadEnd(), p.rssStart() / 1048576.0, p.rssEnd() / 1048576.0));
        s.append(String.format("  %-11s %8s %6s %8s %8s %8s %8s %8s %9s%n", "page", "requests", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "req/s", "answered"));
        p.pages().forEach((page, f) -> s.append(String.format("  %-11s %8s %6s %8s %8s %8s %8s %8s %9s%s%n", page, f[0], f[1],
                f[2], f[3], f[4], f[5], f[6], f[8], f[7].equals("-") ? "" : "  errors: " + f[7])));
        s.append(String.format("  (requests: due in the window and answered, latency from the due time; answered: answers"
                + " received in the window, %.1f/s; at its end the members were up to %,d ms behind their schedule%s)%n",
                p.requests() / (double) p.seconds(), p.behindMillis(),
                p.behindMillis() > 5000 ? ": THE APP DID NOT KEEP UP WITH THE ARRIVAL RATE" : ""));
        s.append(String.format("  CPU per request: app %.2f ms, PostgreSQL %.2f ms (app + PostgreSQL %.2f ms), "
                + "Keycloak %.2f ms, load generator %.2f ms%n", p.perRequest(p.appCpu()), p.perRequest(p.pgCpu()),
                p.perRequest(p.appCpu() + p.pgCpu()), p.perRequest(p.keycloakCpu()), p.perRequest(p.generatorCpu())));
        if (idleAppPerSecond > 0 && p.requests() > 0) {
            double rate = p.requests() / (double) p.seconds();
            s.append(String.format("  less the idle background (%.1f req/s): app %.2f ms, PostgreSQL %.2f ms (together %.2f ms)%n",
                    rate, p.perRequest(p.appCpu()) - idleAppPerSecond / rate, p.perRequest(p.pgCpu()) - idlePgPerSecond / rate,
                    p.perRequest(p.appCpu() + p.pgCpu()) - (idleAppPerSecond + idlePgPerSecond) / rate));
        }
        return s.toString();
    }

    private static String markdown(Phase mixed, List<Phase> alone, Instant started, String loadAtStart) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Markdown (%s, load average %s at start):%n%n", started, loadAtStart));
        s.append("| page | requests | errors | p50 | p95 | p99 | max | req/s | CPU/request alone (app + PostgreSQL) | p95 alone |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Phase> byPage = alone.stream().collect(Collectors.toMap(p -> p.pages().keySet().iterator().next(),
                p -> p, (a, b) -> a, LinkedHashMap::new));
        mixed.pages().forEach((page, f) -> {
            Phase a = byPage.get(page);
            s.append(String.format("| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s | %s | %s |%n", page, f[0], f[1], f[2],
                    f[3], f[4], f[5], f[6], a == null ? "-" : String.format("%.2f + %.2f = %.2f ms",
                            a.perRequest(a.appCpu()), a.perRequest(a.pgCpu()), a.perRequest(a.appCpu() + a.pgCpu())),
                    a == null ? "-" : a.pages().get(page)[3] + " ms"));
        });
        byPage.forEach((page, a) -> {
            if (!mixed.pages().containsKey(page)) {
                s.append(String.format("| %s (alone only) | - | - | - | - | - | - | - | %.2f + %.2f = %.2f ms | %s ms |%n",
                        page, a.perRequest(a.appCpu()), a.perRequest(a.pgCpu()), a.perRequest(a.appCpu() + a.pgCpu()),
                        a.pages().get(page)[3]));
            }
        });
        for (String[] pair : new String[][] { { "feed", "me-cookie" }, { "feed", "me-bearer" }, { "feed-bearer", "me-bearer" } }) {
            Phase feed = byPage.get(pair[0]);
            String me = pair[1];
            Phase m = byPage.get(me);
            if (feed != null && m != null) {
                s.append(String.format("%n%s / %s, CPU per request (app + PostgreSQL): %.2f / %.2f = %.2fx%n", pair[0], me,
                        feed.perRequest(feed.appCpu() + feed.pgCpu()), m.perRequest(m.appCpu() + m.pgCpu()),
                        feed.perRequest(feed.appCpu() + feed.pgCpu()) / m.perRequest(m.appCpu() + m.pgCpu())));
                double idle = idleAppPerSecond + idlePgPerSecond;
                double f = feed.perRequest(feed.appCpu() + feed.pgCpu()) - idle / (feed.requests() / (double) feed.seconds());
                double g = m.perRequest(m.appCpu() + m.pgCpu()) - idle / (m.requests() / (double) m.seconds());
                s.append(String.format("%s / %s, the same less the idle background: %.2f / %.2f = %.2fx%n", pair[0], me, f, g,
                        f / g));
            }
        }
        return s.toString();
    }
}
