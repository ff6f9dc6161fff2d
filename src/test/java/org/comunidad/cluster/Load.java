package org.comunidad.cluster;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A steady closed-loop load: {@code users} threads, each sending its next request as soon as the last
 * answered. Every request is recorded with when it started and ended and what it got.
 */
final class Load implements AutoCloseable {

    /** One request: times in nanoseconds of System.nanoTime(); status -1 for a transport error. */
    record Result(int user, long start, long end, int status, String error, String body, String kind) {
        long millis() {
            return (end - start) / 1_000_000;
        }

        boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newCachedThreadPool()).build();
    private final List<Result> results = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    /** Starts the load; {@code request} builds user i's next request (its kind in the tag "kind"). */
    Load(int users, Duration timeout, IntFunction<HttpRequest.Builder> request, IntFunction<String> kind) {
        pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    String k = kind.apply(user);
                    try {
                        HttpResponse<String> answer = http.send(request.apply(user).timeout(timeout).build(),
                                HttpResponse.BodyHandlers.ofString());
                        results.add(new Result(user, start, System.nanoTime(), answer.statusCode(), null, answer.body(), k));
                    } catch (Exception e) {
                        results.add(new Result(user, start, System.nanoTime(), -1, e.toString(), null, k));
                        Cluster.sleep(20);
                    }
                }
            });
        }
    }

    List<Result> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }
}
