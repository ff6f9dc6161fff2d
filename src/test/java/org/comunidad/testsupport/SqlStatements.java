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

    public long during(Runnable action) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        action.run();
        return statistics.getPrepareStatementCount();
    }
}
