package org.comunidad.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The suite's load generator, run in a JVM of its own ({@code java -cp ... LoadGenerator plan.properties})
 * so that its CPU is not the app's. An open model: each virtual user (one member, with their own
 * session cookie) has a schedule of intended send times, one page after another with a random
 * pause of 50-150% of the think time between them, fixed in advance and independent of how
 * fast the app answers. A page is sent at its intended time, or as soon as the user's previous
 * page has been answered if the app is late; its latency is measured from the INTENDED time, so a
 * stall of the app counts for every page that should have been sent during it (no coordinated
 * omission: the generator never waits for the app before deciding when the next page is due).
 * Latencies go into HdrHistogram recorders, one per page (microseconds, 3 significant digits).
 *
 * <p>It prints {@code MEASURE BEGIN} and {@code MEASURE END} when the measured window opens and
 * closes (the parent samples CPU then), {@code MINUTE n page count errors p95} lines every
 * minute of the window, and writes its results to the file named by {@code out}.
 */
public final class LoadGenerator {

    record Page(String name, String method, String path, double weight, String auth, int expect, int uploadBytes) {
    }

    /** A member: their cookies and form token, as the browser holds them now (both change as pages arrive). */
    record User(int index, String username, Map<String, String> cookies, String[] csrf, Map<String, String> vars) {
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static final class Stats {
        final Recorder interval = new Recorder(3);
        final Histogram total = new Histogram(120_000_000L, 3);
        final AtomicLong errors = new AtomicLong();
        /** Answers received within the window, whenever they were due: the denominator of CPU per request. */
        final AtomicLong completedInWindow = new AtomicLong();
        final AtomicLong minuteErrors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    }

    private static final PrintStream OUT = System.out;
    /** Each user's intended time of their latest page: how far behind schedule the app keeps them. */
    private static final Map<Integer, Long> lag = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String base = p.getProperty("base");
        long thinkMs = Long.parseLong(p.getProperty("think.ms", "1000"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(p.getProperty("warmup.seconds", "30")));
        Duration measure = Duration.ofSeconds(Long.parseLong(p.getProperty("seconds", "60")));
        int userCount = Integer.parseInt(p.getProperty("users", "50"));
        Path out = Path.of(p.getProperty("out"));

        List<Page> pages = new ArrayList<>();
        for (int i = 0; p.getProperty("page." + i + ".name") != null; i++) {
            String k = "page." + i + ".";
            pages.add(new Page(p.getProperty(k + "name"), p.getProperty(k + "method", "GET"), p.getProperty(k + "path"),
                    Double.parseDouble(p.getProperty(k + "weight", "1")), p.getProperty(k + "auth", "cookie"),
                    Integer.parseInt(p.getProperty(k + "expect", "200")),
                    Integer.parseInt(p.getProperty(k + "upload.bytes", "0"))));
        }
        List<User> users = new ArrayList<>();
        for (int i = 0; p.getProperty("user." + i + ".username") != null && users.size() < userCount; i++) {
            String k = "user." + i + ".";
            Map<String, String> cookies = new ConcurrentHashMap<>();
            for (String pair : p.getProperty(k + "cookies", "").split("; ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith(k + "var.")) {
                    vars.put(name.substring((k + "var.").length()), p.getProperty(name));
                }
            }
            users.add(new User(i, p.getProperty(k + "username"), cookies, new String[] { p.getProperty(k + "csrf") }, vars));
        }
        if (users.size() < userCount) {
            throw new IllegalArgumentException("only " + users.size() + " users signed in, " + userCount + " asked");
        }
        Tokens tokens = pages.stream().anyMatch(pg -> pg.auth().equals("bearer"))
                ? new Tokens(p.getProperty("token.endpoint"), p.getProperty("token.client"), p.getProperty("token.secret"),
                        p.getProperty("token.password"), users)
                : null;

        Map<String, Stats> stats = new LinkedHashMap<>();
        pages.forEach(pg -> stats.put(pg.name(), new Stats()));
        double totalWeight = pages.stream().mapToDouble(Page::weight).sum();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        long start = System.nanoTime() + 200_000_000L;
        long measureStart = start + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        CountDownLatch done = new CountDownLatch(users.size());
        for (User user : users) {
            Thread t = new Thread(() -> {
                try {
                    runUser(user, pages, totalWeight, stats, client, base, thinkMs, start, measureStart, end, tokens);
                } finally {
                    done.countDown();
                }
            }, "user-" + user.index());
            t.setDaemon(true);
            t.start();
        }
        sleepUntil(measureStart);
        OUT.println("MEASURE BEGIN " + ProcStats.cpu(ProcessHandle.current().pid()));
        OUT.flush();
        // Per-minute figures of the window (the soak's p95 per minute).
        StringBuilder minutes = new StringBuilder();
        int minute = 0;
        long next = measureStart + 60_000_000_000L;
        Map<String, Histogram> reuse = new LinkedHashMap<>();
        stats.forEach((name, s) -> s.interval.getIntervalHistogram()); // discard the warm-up's
        while (next <= end + 1_000_000L) {
            sleepUntil(next);
            minute++;
            Histogram all = new Histogram(120_000_000L, 3);
            long errs = 0;
            for (Map.Entry<String, Stats> e : stats.entrySet()) {
                Histogram h = e.getValue().interval.getIntervalHistogram(reuse.get(e.getKey()));
                reuse.put(e.getKey(), h);
                e.getValue().total.add(h);
                all.add(h);
                long err = e.getValue().minuteErrors.getAndSet(0);
                errs += err;
                String line = String.format("MINUTE %d %s %d %d %.1f", minute, e.getKey(), h.getTotalCount(), err,
                        h.getValueAtPercentile(95) / 1000.0);
                minutes.append(line).append('\n');
            }
            String line = String.format("MINUTE %d all %d %d %.1f", minute, all.getTotalCount(), errs,
                    all.getValueAtPercentile(95) / 1000.0);
            minutes.append(line).append('\n');
            OUT.println(line);
            OUT.flush();
            next += 60_000_000_000L;
        }
        sleepUntil(end);
        OUT.println("MEASURE END " + ProcStats.cpu(ProcessHandle.current().pid()));
        long behind = lag.values().stream().mapToLong(i -> end - i).max().orElse(0) / 1_000_000;
        OUT.println("BEHIND " + behind);
        OUT.flush();
        // Pages due within the window but still unanswered count too: wait for them (up to 35 s: an
        // overloaded app never catches up, and the figures then say so).
        done.await(35, java.util.concurrent.TimeUnit.SECONDS);
        // The rest of the window (under a minute), then the results.
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            e.getValue().total.add(e.getValue().interval.getIntervalHistogram());
        }
        double seconds = measure.toMillis() / 1000.0;
        StringBuilder result = new StringBuilder();
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            Histogram h = e.getValue().total;
            result.append(String.format("PAGE %s %d %d %.2f %.2f %.2f %.2f %.2f %s %d%n", e.getKey(), h.getTotalCount(),
                    e.getValue().errors.get(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount() / seconds,
                    e.getValue().errorKinds.isEmpty() ? "-" : e.getValue().errorKinds.toString().replace(' ', '_'),
                    e.getValue().completedInWindow.get()));
        }
        result.append("BEHIND ").append(behind).append('\n');
        result.append(minutes);
        Files.writeString(out, result.toString());
        OUT.println("DONE");
        OUT.flush();
        System.exit(0);
    }

    private static void runUser(User user, List<Page> pages, double totalWeight, Map<String, Stats> stats,
            HttpClient client, String base, long thinkMs, long start, long measureStart, long end, Tokens tokens) {
        SplittableRandom random = new SplittableRandom(user.index() * 7919L + System.nanoTime());
        // Users start spread over one think time, not all at once.
        long intended = start + (long) (random.nextDouble() * thinkMs * 1_000_000L);
        while (intended < end) {
            sleepUntil(intended);
            Page page = pick(pages, totalWeight, random);
            boolean counted = intended >= measureStart;
            Stats s = stats.get(page.name());
            try {
                HttpResponse<byte[]> response = client.send(request(page, user, base, tokens, random),
                        HttpResponse.BodyHandlers.ofByteArray());
                long now = System.nanoTime();
                // The CSRF cookie and the form token go together: taken from a page that carries both (the
                // page's script sends that page's token); a renewed cookie without a token is not kept.
                String csrfToken = null;
                if (response.headers().firstValue("Set-Cookie").isPresent()) {
                    Matcher token = CSRF_FIELD.matcher(new String(response.body(), StandardCharsets.ISO_8859_1));
                    if (token.find()) {
                        csrfToken = token.group(1);
                    }
                }
                keepCookies(user, response, csrfToken != null);
                if (csrfToken != null) {
                    user.csrf()[0] = csrfToken;
                }
                long latency = now - intended;
                if (now >= measureStart && now < end) {
                    s.completedInWindow.incrementAndGet();
                }
                if (counted) {
                    if (response.statusCode() == page.expect()) {
                        s.interval.recordValue(Math.min(latency / 1000, 120_000_000L));
                    } else {
                        error(s, "status" + response.statusCode());
                    }
                }
            } catch (Exception e) {
                if (counted) {
                    error(s, e.getClass().getSimpleName());
                }
            }
            lag.put(user.index(), intended);
            // The next page is due a pause after this one was DUE, whatever the app did meanwhile.
            intended += (long) ((thinkMs / 2.0 + random.nextDouble() * thinkMs) * 1_000_000L);
        }
    }

    private static void error(Stats s, String kind) {
        s.errors.incrementAndGet();
        s.minuteErrors.incrementAndGet();
        s.errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static Page pick(List<Page> pages, double totalWeight, SplittableRandom random) {
        double r = random.nextDouble() * totalWeight;
        for (Page page : pages) {
            r -= page.weight();
            if (r < 0) {
                return page;
            }
        }
        return pages.get(pages.size() - 1);
    }

    private static final Pattern VAR = Pattern.compile("\\{([a-z0-9]+)}");

    private static HttpRequest request(Page page, User user, String base, Tokens tokens, SplittableRandom random) {
        Matcher m = VAR.matcher(page.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("n") ? String.valueOf(random.nextInt(1_000_000))
                    : user.vars().getOrDefault(m.group(1), "");
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "es");
        if (page.auth().equals("bearer")) {
            b.header("Authorization", "Bearer " + tokens.of(user));
        } else {
            b.header("Cookie", String.join("; ", user.cookies().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (page.method().equals("POST")) {
            byte[] body = uploadBody(page.uploadBytes(), random);
            b.header("X-CSRF-TOKEN", user.csrf()[0])
                    .header("X-File-Name", URLEncoder.encode("nota-" + random.nextInt(1_000_000) + ".txt",
                            StandardCharsets.UTF_8))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.GET();
        }
        return b.build();
    }

    /** A small text file, different each time (the app refuses nothing for being a duplicate, but it hashes it). */
    private static byte[] uploadBody(int bytes, SplittableRandom random) {
        StringBuilder text = new StringBuilder("Nota de trabajo ").append(random.nextLong()).append(": ");
        while (text.length() < bytes) {
            text.append("avance del plan de interconexión eléctrica regional ").append(random.nextInt(1000)).append(". ");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The session cookies the app renews (a refreshed token, a CSRF cookie): kept as a browser keeps them. */
    private static void keepCookies(User user, HttpResponse<?> response, boolean withToken) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (name.equals("csrf-token") && !withToken) {
                continue;
            }
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                user.cookies().remove(name);
            } else {
                user.cookies().put(name, value);
            }
        }
    }

    static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Bearer tokens of the users (password grant of the test client), renewed every 3 minutes (they live 5). */
    static final class Tokens {
        private final String endpoint;
        private final String client;
        private final String secret;
        private final String password;
        private final Map<Integer, String[]> cache = new ConcurrentHashMap<>();
        private final HttpClient http = HttpClient.newHttpClient();

        Tokens(String endpoint, String client, String secret, String password, List<User> users) {
            this.endpoint = endpoint;
            this.client = client;
            this.secret = secret;
            this.password = password;
            users.forEach(this::fetch);
            renewInBackground(users);
        }

        /** Renews every user's token every 2 minutes in a thread of its own: no page waits for Keycloak. */
        void renewInBackground(List<User> users) {
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(120_000);
                        users.forEach(this::fetch);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        OUT.println("token renewal failed: " + e);
                    }
                }
            }, "tokens");
            t.setDaemon(true);
            t.start();
        }

        String of(User user) {
            return cache.get(user.index())[0];
        }

        String fetch(User user) {
            synchronized (this) {
                String form = "grant_type=password&client_id=" + client + "&client_secret=" + secret + "&username="
                        + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&scope=openid";
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                    if (!m.find()) {
                        throw new IllegalStateException("no token for " + user.username() + ": " + r.body());
                    }
                    cache.put(user.index(), new String[] { m.group(1), String.valueOf(System.nanoTime()) });
                    return m.group(1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
