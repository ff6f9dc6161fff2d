package org.comunidad.platform.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.platform.jobs.Jobs;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-renders the stored HTML of members' texts whose renderer version is not {@link RichText#VERSION}:
 * rows written before stored rendering (null version) and rows rendered by an older renderer. It runs
 * shortly after start and then every few minutes, in batches of {@value #BATCH} rows, each batch in its
 * own transaction holding a PostgreSQL advisory lock: when another instance holds it, this one leaves
 * the work to it. Rows are locked with {@code for update skip locked}, so an edit being saved is never
 * overwritten with the rendering of its older text. Until a row is re-rendered its page renders it on
 * read ({@link RichText#shown}).
 */
@ApplicationScoped
public class StoredRendering {

    private static final Logger LOG = Logger.getLogger(StoredRendering.class);

    static final int BATCH = 200;

    /** "com" + "tx": the advisory lock of the re-rendering. */
    private static final long LOCK = 0x636f6d7478L;

    @Inject
    Instance<StoredText> contributions;

    @Inject
    RichText richText;

    @Inject
    EntityManager em;

    @Inject
    Jobs jobs;

    @ConfigProperty(name = "comunidad.text.rerender-every", defaultValue = "10m")
    String every;

    @Scheduled(every = "${comunidad.text.rerender-every:10m}", delayed = "${comunidad.text.rerender-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // Due time: the interval's slot (10 minutes by default).
        jobs.run("text-rerender", Jobs.interval(every), () -> {
            int done = renderStale();
            if (done > 0) {
                LOG.infof("re-rendered %d stored texts to renderer version %d", done, RichText.VERSION);
            }
        });
    }

    /** Every column the features contribute. */
    public List<StoredText.Column> columns() {
        return contributions.stream().flatMap(c -> c.columns().stream()).toList();
    }

    /**
     * Re-renders every stale row of every column; returns how many rows were rendered (0 when another
     * instance holds the lock, or nothing is stale).
     */
    public int renderStale() {
        int total = 0;
        for (StoredText.Column column : columns()) {
            while (true) {
                int done = renderBatch(column);
                if (done < 0) {
                    return total;
                }
                total += done;
                if (done < BATCH) {
                    break;
                }
            }
        }
        return total;
    }

    /** How many rows of every column are not rendered by the current renderer yet (0 once all are). */
    public long staleCount() {
        return QuarkusTransaction.requiringNew().call(() -> columns().stream().mapToLong(column -> ((Number) em
                .createNativeQuery("select count(*) from " + column.table() + " where " + column.source()
                        + " is not null and " + column.version() + " is distinct from ?1")
                .setParameter(1, RichText.VERSION).getSingleResult()).longValue()).sum());
    }

    /** One batch of one column in its own transaction; -1 when another instance holds the lock. */
    int renderBatch(StoredText.Column column) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK).getSingleResult())) {
                return -1;
            }
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("select id as id, " + column.source() + " as source from "
                    + column.table() + " where " + column.source() + " is not null and " + column.version()
                    + " is distinct from ?1 order by id limit ?2 for update skip locked", Tuple.class)
                    .setParameter(1, RichText.VERSION).setParameter(2, BATCH).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
            Map<Long, Set<String>> mentioned = mentions(column.mentionSource(), ids);
            for (Tuple row : rows) {
                long id = ((Number) row.get("id")).longValue();
                String html = richText.html(row.get("source", String.class), mentioned.getOrDefault(id, Set.of()));
                em.createNativeQuery("update " + column.table() + " set " + column.html() + " = ?1, "
                        + column.version() + " = ?2 where id = ?3")
                        .setParameter(1, html).setParameter(2, RichText.VERSION).setParameter(3, id).executeUpdate();
            }
            return rows.size();
        });
    }

    /** The mentioned usernames of each row, as the pages highlight them (one statement a batch). */
    private Map<Long, Set<String>> mentions(String source, List<Long> ids) {
        Map<Long, Set<String>> found = new HashMap<>();
        if (source == null) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select x.source_id as id, m.username as username from mention x join member m on m.id = x.member_id
                where x.source_type = ?1 and x.source_id in (?2)""", Tuple.class)
                .setParameter(1, source).setParameter(2, ids).getResultList();
        for (Tuple row : rows) {
            found.computeIfAbsent(((Number) row.get("id")).longValue(), k -> new HashSet<>())
                    .add(row.get("username", String.class));
        }
        return found;
    }
}
