package org.comunidad.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed benchmark (`./mvnw verify -Pbenchmark`): seeds a working group with 2,000
 * members and 100,000 posts (plus news, comments and reactions), then has 50 concurrent
 * clients load the group's feed page as a signed-in member for a fixed time, and reports
 * p50/p95/p99 latency and throughput. Everything runs on this machine: the load
 * generator, the app and PostgreSQL share its cores. Figures go to target/benchmark/.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "comunidad.benchmark", matches = "true")
@DisabledIfSystemProperty(named = "bench", matches = ".*(suite|soak).*")
class FeedBenchmark {

    static final String GROUP = "energia";
    static final String USER = "pf.argentina";

    @Inject
    EntityManager em;

    @Inject
    org.comunidad.platform.web.PageAdmission admission;

    @Inject
    org.comunidad.platform.text.StoredRendering storedRendering;

    @Test
    void feedUnderLoad() throws Exception {
        int members = Integer.getInteger("bench.members", 2_000);
        int posts = Integer.getInteger("bench.posts", 100_000);
        int concurrency = Integer.getInteger("bench.concurrency", 50);
        // Two minutes: after 20 s the JIT's compiler threads still took more CPU than the requests.
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 120));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
        // 0: closed loop, each client sends its next request as soon as the last is answered.
        // Above 0: each client pauses a random 50-150 % of this between requests, as a person reading does.
        long thinkMillis = Long.getLong("bench.think.ms", 0);
        if (Math.max(warmup.toSeconds(), measure.toSeconds()) > 270) {
            throw new IllegalArgumentException("warm-up and measurement each at most 270 s: an access token lives 5 minutes");
        }

        long seedStart = System.nanoTime();
        seed(members, posts);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        // The seed writes Markdown by SQL, without its stored HTML: render it now, as the re-rendering job
        // would after a migration (-Dbench.stored=false keeps it rendered on read, for comparison; with
        // -Dcomunidad.text.rerender-delay=1h so that the job does not render it during the run).
        long renderStart = System.nanoTime();
        int rendered = Boolean.parseBoolean(System.getProperty("bench.stored", "true")) ? storedRendering.renderStale() : 0;
        System.out.printf("stored rendering: %,d texts rendered in %,d ms%n", rendered,
                (System.nanoTime() - renderStart) / 1_000_000);

        // Another path (-Dbench.path=/api/me) measures what any signed-in request costs here, for comparison;
        // several (-Dbench.path=/c/energia/feed,/api/me) are measured one after the other on the same data,
        // each with its warm-up, and their CPU per request (app plus PostgreSQL) compared.
        List<String> paths = List.of(System.getProperty("bench.path", "/c/" + GROUP + "/feed").split(","));
        java.util.Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        long errors = 0;
        for (String path : paths) {
            // Another path (-Dbench.path=/api/me) measures what any signed-in request costs here, for comparison.
            String url = "http://localhost:" + ComunidadTestResource.APP_PORT + path;
            String token = Tokens.of(USER);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "es").timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), first.body());
            if (path.endsWith("/feed")) {
                assertTrue(first.body().contains("feed-post"), "the feed shows posts");
            }

            explain();
            // wrk (Debian's package, a C load generator) when installed: it costs the shared cores far
            // less than the JDK's HTTP client. -Dbench.client=java forces the JDK's client.
            boolean wrk = !"java".equals(System.getProperty("bench.client")) && Wrk.available();
            Result result;
            if (wrk) {
                Wrk.run(url, token, concurrency, warmup, thinkMillis);
            } else {
                run(client, request, concurrency, warmup, thinkMillis);
            }
            // A fresh token for the measured run: the first one (5 minutes) may not outlive both.
            token = Tokens.of(USER);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("create extension if not exists pg_stat_statements").executeUpdate();
                em.createNativeQuery("select pg_stat_statements_reset()").getResultList();
            });
            if (wrk) {
                result = Wrk.run(url, token, concurrency, measure, thinkMillis);
            } else {
                request = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                        .header("Authorization", "Bearer " + token).build();
                result = run(client, request, concurrency, measure, thinkMillis);
            }

            String report = String.format("""
                    Feed benchmark: GET %s as %s (signed in, bearer token)
                    data: %,d members, %,d posts in the group (seeded in %,d ms)
                    load: %d concurrent clients (%s), %s, %d s warm-up, %d s measured, on %d cores (app, PostgreSQL and load generator together)
                    pages rendering at once: at most %d (comunidad.pages.max-concurrent)
                    requests: %,d ok, %,d errors
                    throughput: %.1f requests/s
                    latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                    CPU per request: app %.2f ms, load generator %.2f ms, PostgreSQL %.2f ms
                    """, path, USER, members, posts, seedMillis, concurrency,
                    wrk ? "wrk" : "the JDK's HTTP client",
                    thinkMillis == 0 ? "no pause between requests" : "pausing " + thinkMillis + " ms on average between requests",
                    warmup.toSeconds(), measure.toSeconds(),
                    Runtime.getRuntime().availableProcessors(), admission.limit(), result.ok, result.errors,
                    result.ok / (measure.toMillis() / 1000.0), result.p50, result.p95, result.p99, result.max,
                    result.perRequest(result.appCpuNanos), result.perRequest(result.clientCpuNanos),
                    result.perRequest(result.postgresCpuNanos));
            report += statements(result.ok);
            System.out.println(report);
            Path out = Path.of("target/benchmark/" + (paths.size() == 1 ? "feed" : "feed-" + paths.indexOf(path)) + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            cpu.put(path, result.perRequest(result.appCpuNanos) + result.perRequest(result.postgresCpuNanos));
            errors += result.errors;
        }
        if (paths.size() > 1) {
            double base = cpu.get(paths.get(paths.size() - 1));
            StringBuilder ratios = new StringBuilder("CPU per request (app + PostgreSQL), same run:");
            cpu.forEach((path, ms) -> ratios.append(String.format("%n  %s %.2f ms = %.2fx %s", path, ms, ms / base,
                    paths.get(paths.size() - 1))));
            System.out.println(ratios);
            Files.writeString(Path.of("target/benchmark/ratios.txt"), ratios.toString());
        }
        assertEquals(0, errors, "every request answered 200");
    }

    /**
     * Latencies (ms), and the CPU time spent during the run: the app's JVM (less the load
     * generator's threads when it runs inside it), the load generator, and PostgreSQL's
     * processes. CPU time per request varies far less from run to run than throughput on a
     * shared machine.
     */
    record Result(double p50, double p95, double p99, double max, long ok, long errors, long appCpuNanos,
            long clientCpuNanos, long postgresCpuNanos) {

        double perRequest(long nanos) {
            return ok == 0 ? Double.NaN : nanos / 1_000_000.0 / ok;
        }

        static double percentile(long[] sortedNanos, int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1_000_000.0;
        }
    }

    /** wrk as a separate process: closed loop over N connections, or with a random pause (wrk's delay()). */
    static final class Wrk {

        static boolean available() {
            try {
                Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor();
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        static Result run(String url, String token, int concurrency, Duration duration, long thinkMillis)
                throws Exception {
            Path script = Files.createTempFile("feed-bench", ".lua");
            Files.writeString(script, (thinkMillis > 0 ? """
                    function delay() return math.random(%d, %d) end
                    """.formatted(thinkMillis / 2, thinkMillis * 3 / 2) : "") + """
                    done = function(summary, latency, requests)
                      local e = summary.errors
                      io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, e.status,
                        e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(95),
                        latency:percentile(99), latency.max))
                    end
                    """);
            int threads = Math.min(2, concurrency);
            long processCpuBefore = processCpu();
            long postgresCpuBefore = postgresCpu();
            Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + concurrency, "-d" + duration.toSeconds() + "s",
                    "--timeout", "30s", "-s", script.toString(), "-H", "Authorization: Bearer " + token,
                    "-H", "Accept-Language: es", url).redirectErrorStream(true).start();
            // Its CPU time is readable only while it runs: sampled until it ends.
            long wrkCpu = 0;
            while (wrk.isAlive()) {
                wrkCpu = Math.max(wrkCpu, wrk.info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
                Thread.sleep(50);
            }
            String output = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long processCpuUsed = processCpu() - processCpuBefore;
            long postgresCpuUsed = postgresCpu() - postgresCpuBefore;
            Files.deleteIfExists(script);
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk said: " + output));
            long[] f = Arrays.stream(line.substring(7).trim().split(" ")).mapToLong(Long::parseLong).toArray();
            long errors = f[1] + f[2];
            return new Result(f[3] / 1000.0, f[4] / 1000.0, f[5] / 1000.0, f[6] / 1000.0, f[0] - f[1], errors,
                    processCpuUsed, wrkCpu, postgresCpuUsed);
        }
    }

    private static Result run(HttpClient client, HttpRequest request, int concurrency, Duration duration,
            long thinkMillis)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long processCpuBefore = processCpu();
        long postgresCpuBefore = postgresCpu();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // The JDK client's own selector and worker threads are the load generator's too.
        java.util.Map<Long, Long> clientThreadsBefore = clientThreadCpu(threads);
        AtomicLong clientCpu = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[concurrency];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[1 << 16];
            perThread.add(mine);
            int slot = t;
            Thread thread = new Thread(() -> {
                long cpuStart = threads.getCurrentThreadCpuTime();
                try {
                    long[] buffer = mine;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (counts[slot] < buffer.length) {
                            buffer[counts[slot]++] = System.nanoTime() - start;
                        }
                        if (thinkMillis > 0) {
                            try {
                                Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                } finally {
                    clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    done.countDown();
                }
            }, "bench-" + t);
            thread.start();
        }
        done.await();
        clientThreadCpu(threads).forEach((id, cpu) -> clientCpu.addAndGet(cpu - clientThreadsBefore.getOrDefault(id, 0L)));
        long processCpuUsed = processCpu() - processCpuBefore;
        long postgresCpuUsed = postgresCpu() - postgresCpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(Result.percentile(all, 50), Result.percentile(all, 95), Result.percentile(all, 99),
                Result.percentile(all, 100), total, errors.get(), processCpuUsed - clientCpu.get(), clientCpu.get(),
                postgresCpuUsed);
    }

    private static java.util.Map<Long, Long> clientThreadCpu(java.lang.management.ThreadMXBean threads) {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The embedded PostgreSQL's server and backend processes (pg_ctl detaches them from this JVM). */
    private static long postgresCpu() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("/postgres"))
                        .orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** The plans of the feed's heaviest statements, printed with the figures (their cost must not depend on the data size). */
    /** The statements PostgreSQL ran during the measured run, by total time, per page. */
    private String statements(long pages) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select calls, total_exec_time, total_plan_time, rows, query from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time + total_plan_time desc limit 15
                """).getResultList());
        StringBuilder out = new StringBuilder(
                "PostgreSQL per page, by total time (calls, execution ms, planning ms, rows, statement):\n");
        double per = Math.max(1, pages);
        for (Object[] r : rows) {
            String query = ((String) r[4]).replaceAll("\\s+", " ");
            out.append(String.format("  %5.2f  %6.3f  %6.3f  %7.1f  %s%n", ((Number) r[0]).doubleValue() / per,
                    ((Number) r[1]).doubleValue() / per, ((Number) r[2]).doubleValue() / per,
                    ((Number) r[3]).doubleValue() / per, query.length() > 240 ? query.substring(0, 240) + "..." : query));
        }
        return out.toString();
    }

    private void explain() {
        String[] queries = {
                """
                explain analyze select p.id from post p where p.group_id = (select id from community where slug = 'energia')
                and p.deleted_at is null and p.created_at < now() and (p.hidden_at is null or p.author_id = 1)
                order by p.created_at desc, p.id desc limit 21""",
                """
                explain analyze select count(*) from (select 1 from news_item n where n.community_id =
                (select id from community where slug = 'energia') and n.deleted_at is null and n.hidden_at is null
                and n.author_id <> 1 order by n.created_at desc limit 100) x""" };
        for (String q : queries) {
            @SuppressWarnings("unchecked")
            List<Object> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(q).getResultList());
            plan.forEach(line -> System.out.println("  " + line));
        }
    }

    /** Members with memberships across the group's subgroups; posts spread over the subgroups and time. */
    private void seed(int members, int posts) {
        Members.numbered(1, members).subject("bench-%d").username("bench%d").name("Funcionario %d")
                .countries("AR", "BR", "CL", "CO", "EC", "GY", "PY", "PE").institution("Ministerio de Energía")
                .position("Asesor").save();
        QuarkusTransaction.requiringNew().run(() -> {
            // Each member in one of the group's subgroups, spread by number.
            em.createNativeQuery("""
                    insert into membership (community_id, member_id, role, country_code)
                    select s.id, m.id, 'MEMBER', m.country_code
                    from member m
                    join lateral (select c.id from community c join community g on g.id = c.parent_id
                                  where g.slug = :g order by c.id
                                  offset (substring(m.subject from 7)::int % 7) limit 1) s on true
                    where m.subject like 'bench-%'
                    """).setParameter("g", GROUP).executeUpdate();
            em.createNativeQuery("""
                    insert into post (community_id, group_id, author_id, body, created_at)
                    select ms.community_id, g.id, ms.member_id,
                           'Publicación ' || i || ': avances del **plan de trabajo** https://www.prosur.org',
                           now() - make_interval(secs => i * 30)
                    from generate_series(1, :n) i
                    join community g on g.slug = :g
                    join lateral (select x.community_id, x.member_id from membership x join member m on m.id = x.member_id
                                  where m.subject = 'bench-' || (1 + i % :members)) ms on true
                    """).setParameter("n", posts).setParameter("g", GROUP).setParameter("members", members)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into news_item (community_id, author_id, title, body, created_at)
                    select g.id, m.id, 'Novedad ' || i, 'Texto de la novedad ' || i, now() - make_interval(mins => i * 7)
                    from generate_series(1, :n) i join community g on g.slug = :g
                    join member m on m.subject = 'bench-' || (1 + i % :members)
                    """).setParameter("n", posts / 100).setParameter("g", GROUP).setParameter("members", members)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into post_comment (post_id, author_id, body)
                    select p.id, p.author_id, 'Comentario' from post p where p.group_id = (select id from community where slug = :g)
                    and p.id % 5 = 0
                    """).setParameter("g", GROUP).executeUpdate();
            em.createNativeQuery("""
                    insert into post_reaction (post_id, member_id, kind)
                    select p.id, p.author_id, 'LIKE' from post p where p.group_id = (select id from community where slug = :g)
                    and p.id % 2 = 0
                    """).setParameter("g", GROUP).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
    }
}
