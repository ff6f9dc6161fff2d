package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The personal feed runs the same number of SQL statements with 3 and with 300 meetings, and the
 * feed of a member of every working group answers in under 300 ms with 2,000 meetings (the figure
 * is printed: docs/benchmarks.md).
 */
@QuarkusTest
class MeetingFeedSqlCountTest {

    static final String ZONES = "array['America/Santiago', 'America/Sao_Paulo', 'America/Bogota', 'America/Asuncion', "
            + "'America/Guyana']";

    @Inject
    SqlStatements sql;

    /** A member with a feed token; returns the token. */
    static String feedOwner(String name, String... groups) {
        Members.One member = Members.create(name + "-" + System.nanoTime()).country("CL");
        for (String group : groups) {
            member.in(group);
        }
        long id = member.save();
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Db.update("insert into meeting_feed_token (member_id, token_hash) values (?1, ?2)", id, CalendarFeeds.hash(token));
        return token;
    }

    /**
     * {@code count} meetings from {@code daysAgo} days ago on, one every {@code hours} hours, in the
     * communities given by the where clause on {@code community c}, in the five capitals' zones.
     */
    static void meetings(String tag, int count, int daysAgo, int hours, String communities) {
        Db.update("""
                insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue,
                                     organizer_id, description)
                select ?1 || '-' || g || '@test.comunidad', c.id, 'Reunión de prueba ' || g, 'VIDEOCONFERENCE',
                       case when g %% 10 = 0 then 'CANCELLED' else 'SCHEDULED' end,
                       now() - make_interval(days => ?3) + g * make_interval(hours => ?4),
                       now() - make_interval(days => ?3) + g * make_interval(hours => ?4) + interval '90 minutes',
                       (%s)[1 + g %% 5], 'ROOM', (select id from member where username = 'coord.seguridad'),
                       'Orden del día: informe de avance ' || g
                from generate_series(1, ?2) g
                cross join lateral (select c.id from community c where %s
                                    order by c.id offset (g %% (select count(*) from community c where %s)) limit 1) c"""
                .formatted(ZONES, communities, communities), tag, count, daysAgo, hours);
    }

    static String feed(String token) {
        return RestAssured.get("/calendar/" + token + ".ics").then().statusCode(200).extract().asString();
    }

    @Test
    void theFeedRunsAFixedNumberOfStatements() {
        // A member of the group and of all its subgroups: every meeting of the group is theirs.
        @SuppressWarnings("unchecked")
        List<String> defence_ = Db.call(em -> em.createNativeQuery(
                "select c.slug from community c where coalesce(c.parent_id, c.id) = (select id from community where slug = 'defensa')")
                .getResultList());
        String token = feedOwner("feed-count", defence_.toArray(String[]::new));
        String defence = "coalesce(c.parent_id, c.id) = (select id from community where slug = 'defensa')";
        meetings("count-a-" + System.nanoTime(), 3, 30, 24, defence);
        long small = sql.steady(() -> feed(token));
        int smallEvents = Ics.parse(feed(token)).getEvents().size();
        meetings("count-b-" + System.nanoTime(), 297, 30, 5, defence);
        long large = sql.steady(() -> feed(token));
        int largeEvents = Ics.parse(feed(token)).getEvents().size();
        assertTrue(smallEvents >= 3 && largeEvents >= smallEvents + 297, smallEvents + " -> " + largeEvents);
        assertTrue(small > 0, "the counter counts");
        assertEquals(small, large, "statements with " + smallEvents + " vs " + largeEvents + " meetings");
        System.out.printf("SQL statements of the personal feed (%d -> %d meetings): %d -> %d%n", smallEvents,
                largeEvents, small, large);
    }

    @Test
    void theFeedOfAMemberOfEveryGroupWith2000MeetingsAnswersUnder300Ms() {
        // A member of every working group and of every subgroup: all 2,000 meetings are in their feed.
        @SuppressWarnings("unchecked")
        List<String> groups = Db.call(em -> em.createNativeQuery("select slug from community").getResultList());
        String token = feedOwner("feed-bench", groups.toArray(String[]::new));
        String tag = "bench-" + System.nanoTime();
        // Within the feed's window: from 170 days ago, one every 4 hours (the last ones about six months ahead).
        meetings(tag, 2000, 170, 4, "true");
        try {
            long coldStart = System.nanoTime();
            String first = feed(token);
            long cold = (System.nanoTime() - coldStart) / 1_000_000;
            long inFeed = Ics.parse(first).getEvents().stream()
                    .filter(e -> e.getUid().getValue().startsWith(tag)).count();
            assertEquals(2000, inFeed);
            for (int i = 0; i < 10; i++) {
                feed(token);
            }
            List<Long> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < 15; i++) {
                long start = System.nanoTime();
                bytes = feed(token).length();
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            long median = millis.get(millis.size() / 2);
            System.out.printf("Personal feed of a member of every group, 2,000 meetings (+ others in the test data): "
                    + "median %d ms, min %d ms, max %d ms over %d requests, %d characters; the first request, "
                    + "every event written anew: %d ms%n", median, millis.get(0), millis.get(millis.size() - 1),
                    millis.size(), bytes, cold);
            assertTrue(median < 300, "median " + median + " ms: " + millis);
        } finally {
            Db.update("delete from meeting where uid like ?1", tag + "-%");
        }
    }
}
