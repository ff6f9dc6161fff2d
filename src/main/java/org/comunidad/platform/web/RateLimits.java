package org.comunidad.platform.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limits per member for the routes marked {@link RateLimited}: one Bucket4j token bucket
 * per member and kind, in memory (each replica counts its own share; a member spread over N
 * replicas by the balancer gets at most N times the budget, still far from a flood). A bucket
 * that has not been used for its refill period is full again, so it is forgotten then, and the
 * cache never holds more than {@code comunidad.limits.tracked-members} per kind. Runs before
 * PageAdmission: a refused search takes no place. Costs a map lookup and a compare-and-set.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    LimitsConfig config;

    @Inject
    SecurityIdentity identity;

    private final Map<RateLimited.Kind, Cache<String, Bucket>> buckets = new EnumMap<>(RateLimited.Kind.class);

    private final Map<RateLimited.Kind, LimitsConfig.Rate> rates = new EnumMap<>(RateLimited.Kind.class);

    private final Map<Method, Optional<Rule>> rules = new ConcurrentHashMap<>();

    private record Rule(RateLimited.Kind kind, boolean json) {
    }

    @PostConstruct
    void init() {
        rates.put(RateLimited.Kind.POSTING, config.posting());
        rates.put(RateLimited.Kind.UPLOADS, config.uploads());
        rates.put(RateLimited.Kind.SEARCH, config.search());
        rates.forEach((kind, rate) -> {
            if (rate.requests() < 1 || rate.period().isNegative() || rate.period().isZero()) {
                throw new IllegalArgumentException("comunidad.limits." + kind.name().toLowerCase()
                        + ": requests must be at least 1 and the period positive");
            }
            buckets.put(kind, Caffeine.newBuilder().maximumSize(config.trackedMembers())
                    .expireAfterAccess(rate.period()).build());
        });
    }

    /** For tests: a budget of this kind other than the configured one, every member starting afresh. */
    void use(RateLimited.Kind kind, int requests, java.time.Duration period) {
        rates.put(kind, new LimitsConfig.Rate() {
            @Override
            public int requests() {
                return requests;
            }

            @Override
            public java.time.Duration period() {
                return period;
            }
        });
        buckets.get(kind).invalidateAll();
    }

    /** For tests: the configured budgets again. */
    void reset() {
        init();
    }

    @ServerRequestFilter(priority = Priorities.USER + 50)
    public void check(ResourceInfo resource, RoutingContext routing) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Rule rule = rules.computeIfAbsent(method, RateLimits::rule).orElse(null);
        if (rule == null) {
            return;
        }
        LimitsConfig.Rate rate = rates.get(rule.kind());
        Bucket bucket = buckets.get(rule.kind()).get(Requesters.key(identity, routing), who -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new TooManyRequests(TooManyRequests.What.valueOf(rule.kind().name()), seconds,
                    rule.json() || isApi(routing));
        }
    }

    private static Optional<Rule> rule(Method method) {
        RateLimited limited = method.getAnnotation(RateLimited.class);
        if (limited == null) {
            return Optional.empty();
        }
        Produces produces = method.getAnnotation(Produces.class);
        boolean json = produces != null && Arrays.stream(produces.value())
                .allMatch(type -> type.startsWith(MediaType.APPLICATION_JSON));
        return Optional.of(new Rule(limited.value(), json));
    }

    private static boolean isApi(RoutingContext routing) {
        String path = routing.request().path();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
