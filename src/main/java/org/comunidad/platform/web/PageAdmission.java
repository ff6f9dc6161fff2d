package org.comunidad.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Admission control for pages: at most {@code comunidad.pages.max-concurrent} GET requests
 * for pages (resource methods that render a template; by default twice the cores) run at
 * once; the others wait their turn, first come first served, and get 503 if none comes
 * within {@code comunidad.pages.max-wait} (a page in their language that offers to try
 * again). Fifty pages rendering together on two cores each take longer and cost more CPU in
 * all than the same pages taken a few at a time (measured on the feed: 4.8 ms of the app's
 * CPU per page with 50 at once, 2.6 ms with 4; docs/benchmarks.md). Downloads, uploads, the API and
 * forms are not held back: a long transfer never keeps a page waiting.
 * <p>
 * Fair share: one member (a visitor: one address) may have at most
 * {@code comunidad.limits.pages-per-member} pages rendering or waiting (by default half the places);
 * the next is answered 429 at once with Retry-After, without waiting and without taking a place.
 * Twenty pages asked at once by one member therefore hold at most that many places, and everyone
 * else still finds the others free, where before they queued behind the twenty and got 503.
 * Refusing rather than queueing the surplus keeps no worker thread blocked for it. The count is
 * a map entry per member with pages in flight (removed at zero): no database, O(1).
 */
@ApplicationScoped
public class PageAdmission {

    @Inject
    PagesConfig config;

    @Inject
    LimitsConfig limits;

    @Inject
    SecurityIdentity identity;

    private int limit;

    private int perMember;

    /** Pages rendering or waiting, per member with at least one. */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    private Semaphore permits;

    private final Map<Method, Boolean> pages = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        limit = config.maxConcurrent().orElse(2 * Runtime.getRuntime().availableProcessors());
        if (limit < 1) {
            throw new IllegalArgumentException("comunidad.pages.max-concurrent must be at least 1, not " + limit);
        }
        permits = new Semaphore(limit, true);
        perMember = limits.pagesPerMember().orElse(Math.max(1, limit / 2));
        if (perMember < 1) {
            throw new IllegalArgumentException("comunidad.limits.pages-per-member must be at least 1, not " + perMember);
        }
    }

    /**
     * Runs on the worker thread (a waiting page holds no event loop), after routing and
     * authentication, before the resource method. The busy page is a page of its own that
     * needs no form token and no query.
     */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response admit(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !isPage(resource.getResourceMethod())) {
            return null;
        }
        String who = Requesters.key(identity, routing);
        if (!claim(who)) {
            throw new TooManyRequests(TooManyRequests.What.PAGES, 1, false);
        }
        if (!enter()) {
            release(who);
            throw new PagesBusy(Math.max(1, config.maxWait().toSeconds()));
        }
        // Given back exactly once, however the exchange ends: answered, failed or cut off. A
        // connection closed while the request waited no longer calls end handlers: given back here.
        AtomicBoolean given = new AtomicBoolean();
        routing.addEndHandler(done -> {
            if (given.compareAndSet(false, true)) {
                leave();
                release(who);
            }
        });
        if (routing.response().closed() || routing.response().ended()) {
            if (given.compareAndSet(false, true)) {
                leave();
                release(who);
            }
            // Nobody is there to read the page: not rendered.
            return Response.noContent().build();
        }
        return null;
    }

    /** Takes a place, waiting at most max-wait; false if none came. */
    boolean enter() {
        try {
            return permits.tryAcquire(config.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }

    /** Counts one more page of this member in flight; false (nothing counted) if they have their share. */
    boolean claim(String who) {
        boolean[] claimed = new boolean[1];
        inFlight.compute(who, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perMember) {
                return count;
            }
            claimed[0] = true;
            return current + 1;
        });
        return claimed[0];
    }

    void release(String who) {
        inFlight.computeIfPresent(who, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Pages one member may have rendering or waiting at once. */
    public int perMember() {
        return perMember;
    }

    /** For tests: another share per member than the configured one. */
    void perMember(int pages) {
        perMember = pages;
    }

    /** Members with pages in flight now (none when nothing renders). */
    int membersInFlight() {
        return inFlight.size();
    }

    /** Places free now (the limit when no page is rendering). */
    public int available() {
        return permits.availablePermits();
    }

    public int limit() {
        return limit;
    }

    private boolean isPage(Method method) {
        return method != null && pages.computeIfAbsent(method,
                m -> TemplateInstance.class.isAssignableFrom(m.getReturnType()));
    }
}
