package org.comunidad.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.Transactions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
    void theBellAndWhatsNewAreCountedInsideThePagesTransaction() {
        long colombia = Db.member("pf.colombia");
        long peru = Db.member("pf.peru");
        long group = Db.community("seguridad");
        Db.update("delete from tab_visit where member_id = ?1 and community_id = ?2 and tab = 'NEWS'", colombia, group);
        long unread = Db.number("select count(*) from notification where member_id = ?1 and read_at is null", colombia);
        try {
            Db.update("""
                    insert into notification (member_id, kind, event_key, community_id, actor_id, link)
                    values (?1, 'MENTION', 'feed-page-cost-1', ?2, ?3, '/c/seguridad/feed'),
                           (?1, 'MENTION', 'feed-page-cost-2', ?2, ?3, '/c/seguridad/feed')""", colombia, group, peru);
            long news = Db.number("""
                    select count(*) from (select 1 from news_item where community_id = ?1 and author_id <> ?2
                    and deleted_at is null and hidden_at is null limit 100) x""", group, colombia);
            String page = Persona.GROUP_MEMBER.request().get(FEED).then().statusCode(200).extract().body().asString();
            Document html = Jsoup.parse(page);
            assertEquals(String.valueOf(Math.min(unread + 2, 99)) + (unread + 2 > 99 ? "+" : ""),
                    html.selectFirst("a.bell .count").ownText().trim(), "the bell: unread notifications");
            assertTrue(news > 0, "the demo has news in Security by others");
            Element newsTab = html.selectFirst("a[href='/c/seguridad/news'] .count");
            assertEquals(news > 99 ? "99+" : String.valueOf(news), newsTab.ownText().trim(),
                    "the news tab: every news item is new to a member who never opened it");
        } finally {
            Db.update("delete from notification where event_key like 'feed-page-cost-%'");
        }
    }

}
