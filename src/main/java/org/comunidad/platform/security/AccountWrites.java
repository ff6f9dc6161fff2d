package org.comunidad.platform.security;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Empties this instance's {@link AccountCache} when a transaction that wrote a table the cached
 * accounts and grants are made of commits: every SQL statement the app sends through Hibernate
 * (entities, HQL and native SQL alike) passes here, so no write path has to remember to evict.
 * The members concerned are not known from the statement, so the whole cache goes: such writes are
 * rare (roles, removals, disabling, profiles). The other instances hear of the change through the
 * triggers' {@code NOTIFY} (V17), member by member.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class AccountWrites implements StatementInspector {

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from)\\s+(member|membership|community)\\b(?:\\s+(?!set\\b)\\w+)?\\s*(?:set\\s+(.*?)\\s+where\\b)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Columns of member no cached value is made of: writing only these keeps the cache. */
    private static final Set<String> UNCACHED = Set.of("last_seen_at", "digest_sent_at", "email_opt_out", "updated_at");

    private static final Object KEY = AccountWrites.class;

    private final java.util.concurrent.atomic.AtomicLong clears = new java.util.concurrent.atomic.AtomicLong();

    private final Cache<String, Boolean> decided = Caffeine.newBuilder().maximumSize(2_000).build();

    @Inject
    AccountCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public String inspect(String sql) {
        if (!cache.isQuiet() && decided.get(sql, AccountWrites::touchesAccounts)) {
            touched();
        }
        return sql;
    }

    /** Whether a statement writes what accounts and grants are read from. */
    static boolean touchesAccounts(String sql) {
        Matcher write = WRITE.matcher(sql);
        while (write.find()) {
            String table = write.group(1).toLowerCase();
            String assignments = write.group(2);
            if (!table.equals("member") || assignments == null || !onlyUncached(assignments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyUncached(String assignments) {
        for (String assignment : assignments.split(",")) {
            String column = assignment.split("=")[0].trim().toLowerCase();
            column = column.substring(column.lastIndexOf('.') + 1);
            if (!UNCACHED.contains(column)) {
                return false;
            }
        }
        return true;
    }

    private void touched() {
        if (transactions.getTransactionKey() == null) {
            clear(); // autocommit: already committed or about to be; the trigger's NOTIFY follows
            return;
        }
        if (transactions.getResource(KEY) != null) {
            return;
        }
        transactions.putResource(KEY, Boolean.TRUE);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        clear();
                    }
                }
            });
        } catch (IllegalStateException tooLate) {
            // Statements flushed while the transaction completes: empty now; what a request reloads
            // before the commit is evicted again by the trigger's NOTIFY, a few milliseconds later.
            clear();
        }
    }

    private void clear() {
        clears.incrementAndGet();
        cache.clear();
    }

    /** How often a write of this instance emptied the cache (tests). */
    public long clears() {
        return clears.get();
    }
}
