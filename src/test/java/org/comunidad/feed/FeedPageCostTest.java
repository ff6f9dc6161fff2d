package org.comunidad.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.Transactions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16: the feed page of a signed-in member, with the member and their grants cached (a
 * warm instance), runs at most five SQL statements in one transaction; its bell and "what's new"
 * counts are read inside it, not by the template after it ended.
 */
@QuarkusTest
class FeedPageCostTest {

    static final String FEED = "/c/seguridad/feed";

    @Inject
    SqlStatements sql;

    @Inject
    Transactions transactions;

    @Test
    void theFeedPageRunsFiveStatementsInOneTransaction() {
        Persona.GROUP_MEMBER.request().get(FEED).then().statusCode(200);
        long statements = sql.steady(() -> Persona.GROUP_MEMBER.request().get(FEED).then().statusCode(200));
        Transactions.Count count = transactions.steady(() -> Persona.GROUP_MEMBER.request().get(FEED).then().statusCode(200));
        System.out.printf("GET %s, warm: %d SQL statements, %d JTA transactions, %d connections taken%n", FEED,
                statements, count.begun(), count.connections());
        sql.queries(() -> Persona.GROUP_MEMBER.request().get(FEED).then().statusCode(200))
                .forEach((query, runs) -> System.out.printf("  %dx %s%n", runs, query));
        assertTrue(statements > 0, "the counter works");
        assertTrue(statements <= 5, "at most 5 statements, not " + statements);
        assertEquals(1, count.begun(), "one transaction");
        assertEquals(1, count.connections(), "and nothing outside it");
    }

    @Test
    void theBellAndWhatsNewStillCount() {
        String page = Persona.GROUP_MEMBER.request().get(FEED).body().asString();
        assertTrue(page.contains("bell"), "the header's bell is on the page");
    }
}
