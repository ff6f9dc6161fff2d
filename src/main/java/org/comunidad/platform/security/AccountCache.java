package org.comunidad.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The members and their grants this instance has seen, so that a request does not read them
 * again (issue 16). Invalidation is immediate, never left to the expiry:
 * <ul>
 * <li>in this instance, when a transaction that wrote the member, membership or community tables
 * commits ({@link AccountWrites}: every statement the app sends through Hibernate is looked at);</li>
 * <li>in every instance, through PostgreSQL {@code NOTIFY comunidad_member} sent by triggers on those
 * tables (migration V17), which {@link AccountChangeListener} receives; after a lost connection
 * the whole cache is dropped, since notifications may have been missed.</li>
 * </ul>
 * A load that races with an invalidation is not kept ({@link #stamp}): what was read may predate
 * the change. The size is bounded and entries expire after a while, as a safety net only.
 */
@ApplicationScoped
public class AccountCache {

    /** A member as cached: the account every page needs and what the member feature compares with the token. */
    public record Entry(Account account, Object detail) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<Boolean> quiet = new ThreadLocal<>();
    private final Cache<String, Entry> bySubject;
    private final Cache<Long, List<Grant>> grants;
    private final AtomicLong evictions = new AtomicLong();

    /** Only while the listener hears every change: before it connects and during an outage, nothing is cached. */
    private volatile boolean trusted;

    AccountCache(@ConfigProperty(name = "comunidad.accounts.cache.size", defaultValue = "10000") long size,
            @ConfigProperty(name = "comunidad.accounts.cache.expiry", defaultValue = "PT10M") Duration expiry) {
        bySubject = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(expiry).build();
        grants = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(expiry).build();
    }

    /** The cached member behind a token's subject, or null. */
    public Entry member(String subject) {
        return trusted ? bySubject.getIfPresent(subject) : null;
    }

    /** The cached grants of a member, or null. */
    public List<Grant> grants(long memberId) {
        return trusted ? grants.getIfPresent(memberId) : null;
    }

    /** Taken before reading from the database; a put with an older stamp is dropped. */
    public long stamp() {
        return generation.get();
    }

    public void put(String subject, Entry entry, long stamp) {
        if (!trusted) {
            return;
        }
        bySubject.put(subject, entry);
        if (generation.get() != stamp) {
            // An invalidation ran while the entry was read: what was read may be older than it.
            bySubject.invalidate(subject);
        }
    }

    public void putGrants(long memberId, List<Grant> value, long stamp) {
        if (!trusted) {
            return;
        }
        grants.put(memberId, List.copyOf(value));
        if (generation.get() != stamp) {
            grants.invalidate(memberId);
        }
    }

    /** Forgets one member (a notification named them). */
    public void evict(long memberId) {
        generation.incrementAndGet();
        evictions.incrementAndGet();
        grants.invalidate(memberId);
        bySubject.asMap().values().removeIf(entry -> entry.account().id() == memberId);
    }

    /** Forgets everyone (a change whose members are not known, or a lost notification connection). */
    public void clear() {
        generation.incrementAndGet();
        evictions.incrementAndGet();
        grants.invalidateAll();
        bySubject.invalidateAll();
    }

    /** Set by {@link AccountChangeListener}: true once it listens, false when its connection is lost (and emptied). */
    void trust(boolean listening) {
        if (!listening) {
            trusted = false;
            clear();
        } else {
            clear();
            trusted = true;
        }
    }

    public boolean isTrusted() {
        return trusted;
    }

    /** Invalidations so far (tests and metrics). */
    public long evictions() {
        return evictions.get();
    }

    public long size() {
        return bySubject.estimatedSize();
    }

    /**
     * Runs the sign-in refresh, whose own writes (the last-seen time, the token's profile data)
     * refresh the entry it then puts: they do not empty this instance's cache. Other instances
     * still hear of them through the triggers when a cached field changed.
     */
    public <T> T quietly(Supplier<T> work) {
        Boolean before = quiet.get();
        quiet.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                quiet.remove();
            } else {
                quiet.set(before);
            }
        }
    }

    boolean isQuiet() {
        return quiet.get() != null;
    }
}
