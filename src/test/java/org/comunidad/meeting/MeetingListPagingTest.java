package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The meetings list pages each of its lists ({@value MeetingService#PAGE_SIZE} a page): the
 * upcoming ones soonest first, the past ones latest first, each with its own pager that keeps
 * the other list's page, and each list's heading counts the whole list, not the page. The pages
 * follow one another without a gap or a repeat, as the database orders the meetings.
 */
@QuarkusTest
class MeetingListPagingTest {

    static final String SUB = "seguridad-prevencion-violencia-genero";
    static final String BASE = "/c/" + SUB + "/meetings";

    @Test
    void eachListIsPagedAndCountedAndKeepsTheOtherListsPage() {
        Db.update("""
                insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue, organizer_id)
                select 'paging-' || i || '@test', c.id, 'Reunión paginada ' || i, 'VIDEOCONFERENCE',
                       case when i <= 40 then 'HELD' else 'SCHEDULED' end,
                       now() + make_interval(days => case when i <= 40 then -i else i - 40 end, hours => i % 5),
                       now() + make_interval(days => case when i <= 40 then -i else i - 40 end, hours => i % 5 + 1),
                       'America/Lima', 'ROOM', (select id from member where username = 'admin.prosur')
                from community c, generate_series(1, 70) i where c.slug = ?1""", SUB);
        try {
            List<Long> upcoming = ids("ends_at >= now() order by starts_at, id");
            List<Long> past = ids("ends_at < now() order by starts_at desc, id desc");
            assertTrue(upcoming.size() >= 30 && past.size() >= 40, upcoming.size() + " upcoming, " + past.size() + " past");
            int size = MeetingService.PAGE_SIZE;

            Document first = page(BASE);
            assertEquals(upcoming.subList(0, size), listed(first, "upcoming"));
            assertEquals(past.subList(0, size), listed(first, "past"));
            assertEquals(String.valueOf(upcoming.size()), first.selectFirst("#upcoming-title .count").text(),
                    "the heading counts the whole list");
            assertEquals(String.valueOf(past.size()), first.selectFirst("#past-title .count").text());
            assertNull(first.selectFirst("#upcoming a[rel=prev]"), "the first page has no previous page");
            Element next = first.selectFirst("#past a[rel=next]");
            assertNotNull(next, "the past list has a next page");
            assertEquals(BASE + "?past=2#past", next.attr("href"));
            assertEquals(2, first.select("nav.pager").size(), "a pager for each list");
            assertTrue(first.select("nav.pager").eachAttr("aria-label").stream().distinct().count() == 2,
                    "each pager has its own name");

            // The upcoming list's second page keeps the past list's page, and the other way round.
            String href = page(BASE + "?past=2").selectFirst("#upcoming a[rel=next]").attr("href");
            assertEquals(BASE + "?upcoming=2&past=2#upcoming", href);
            Document second = page(href);
            assertEquals(upcoming.subList(size, Math.min(2 * size, upcoming.size())), listed(second, "upcoming"));
            assertEquals(past.subList(size, Math.min(2 * size, past.size())), listed(second, "past"));
            assertEquals(BASE + "?past=2#upcoming", second.selectFirst("#upcoming a[rel=prev]").attr("href"));
            assertEquals(BASE + "?upcoming=2#past", second.selectFirst("#past a[rel=prev]").attr("href"));

            // Beyond the end, and nonsense, are pages too: empty, or the first.
            Document beyond = page(BASE + "?past=2147483647");
            assertTrue(listed(beyond, "past").isEmpty());
            assertEquals(upcoming.subList(0, size), listed(beyond, "upcoming"));
            assertEquals(past.subList(0, size), listed(page(BASE + "?past=-3"), "past"));
        } finally {
            Db.update("delete from meeting where uid like 'paging-%@test'");
        }
    }

    private static List<Long> ids(String where) {
        @SuppressWarnings("unchecked")
        List<Number> rows = Db.call(em -> em.createNativeQuery("""
                select m.id from meeting m join community c on c.id = m.community_id where c.slug = ?1
                and\s""" + where)
                .setParameter(1, SUB).getResultList());
        return rows.stream().map(Number::longValue).toList();
    }

    private static Document page(String address) {
        String path = address.contains("#") ? address.substring(0, address.indexOf('#')) : address;
        return Html.parse(Persona.ADMIN.request().get(path).then().statusCode(200).extract().asString());
    }

    private static List<Long> listed(Document doc, String list) {
        return doc.select("#" + list + " tbody tr td a[href*=/meetings/]").eachAttr("href").stream()
                .map(h -> Long.valueOf(h.substring(h.lastIndexOf('/') + 1))).toList();
    }
}
