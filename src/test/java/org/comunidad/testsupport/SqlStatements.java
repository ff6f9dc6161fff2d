package org.comunidad.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Counts the SQL statements the app prepares (Hibernate statistics, on in the test profile). */
@ApplicationScoped
public class SqlStatements {

    @Inject
    SessionFactory sessionFactory;

    /**
     * The statements of an idempotent request (a page), as the fewest of three to six runs.
     * Hibernate's statistics count the whole app, and background work (the text-extraction job
     * every minute, extraction after an upload) can land in one run's window and add to it; it
     * never takes away, so the fewest is the request's own count.
     */
    public long steady(Runnable action) {
        // Three runs at least, six when they disagree, a short pause between: two runs that agreed
        // while a long job (re-rendering stored texts, a digest) ran beside both once counted 7 for 1.
        long fewest = Long.MAX_VALUE;
        long seen = -1;
        boolean agree = true;
        for (int run = 0; run < 6 && (run < 3 || !agree); run++) {
            if (run > 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long n = during(action);
            agree &= seen < 0 || n == seen;
            seen = n;
            fewest = Math.min(fewest, n);
        }
        return fewest;
    }

    /** The queries (HQL and native SQL; not the loads by id) the action ran, with how often each ran. */
    public java.util.Map<String, Long> queries(Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        action.run();
        java.util.Map<String, Long> queries = new java.util.LinkedHashMap<>();
        for (String query : statistics.getQueries()) {
            long runs = statistics.getQueryStatistics(query).getExecutionCount();
            if (runs > 0) {
                queries.put(query.replaceAll("\\s+", " ").trim(), runs);
            }
        }
        return queries;
    }

    /** The statements prepared while the action runs (the whole app's: see {@link #steady}). */
    public long during(Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        action.run();
        return statistics.getPrepareStatementCount();
    }
}
