package org.comunidad.platform.web;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.qute.TemplateInstance;
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
 */
@ApplicationScoped
public class PageAdmission {

    @ConfigProperty(name = "comunidad.pages.max-concurrent")
    Optional<Integer> configuredLimit;

    @ConfigProperty(name = "comunidad.pages.max-wait", defaultValue = "PT10S")
    Duration maxWait;

    private int limit;

    private Semaphore permits;

    private final Map<Method, Boolean> pages = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        limit = configuredLimit.orElse(2 * Runtime.getRuntime().availableProcessors());
        if (limit < 1) {
            throw new IllegalArgumentException("comunidad.pages.max-concurrent must be at least 1, not " + limit);
        }
        permits = new Semaphore(limit, true);
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
        if (!enter()) {
            throw new PagesBusy(Math.max(1, maxWait.toSeconds()));
        }
        // Given back exactly once, however the exchange ends: answered, failed or cut off. A
        // connection closed while the request waited no longer calls end handlers: given back here.
        AtomicBoolean given = new AtomicBoolean();
        routing.addEndHandler(done -> {
            if (given.compareAndSet(false, true)) {
                leave();
            }
        });
        if (routing.response().closed() || routing.response().ended()) {
            if (given.compareAndSet(false, true)) {
                leave();
            }
            // Nobody is there to read the page: not rendered.
            return Response.noContent().build();
        }
        return null;
    }

    /** Takes a place, waiting at most max-wait; false if none came. */
    boolean enter() {
        try {
            return permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
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
