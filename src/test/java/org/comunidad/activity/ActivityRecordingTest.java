package org.comunidad.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A member's use of a community is recorded once a day: the first page (or API call) of the
 * day costs one statement, later ones none, and no second row appears; the subgroup's pages
 * count for the subgroup; the forum admin, not a member, is not recorded. The migration's
 * backfill finds the days in what members already wrote.
 */
@QuarkusTest
class ActivityRecordingTest {

    @Inject
    EntityManager em;

    @Inject
    SqlStatements sql;

    @Inject
    ActivityRecorder recorder;

    @Test
    void aVisitRecordsTodayOnceWithOneStatementAndLaterVisitsCostNothing() {
        long colombia = memberId("pf.colombia");
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        // Settle the member's own row (last visit time) so that only the recording differs.
        Persona.GROUP_MEMBER.request().get("/communities").then().statusCode(200);
        deleteActivity(colombia, "seguridad");
        recorder.forget();

        long first = sql.during(() -> Persona.GROUP_MEMBER.request().get("/c/seguridad").then().statusCode(200));
        assertEquals(List.of(today), days(colombia, "seguridad"), "the first visit records today");
        long second = sql.during(() -> Persona.GROUP_MEMBER.request().get("/c/seguridad").then().statusCode(200));
        Persona.GROUP_MEMBER.request().get("/c/seguridad/news").then().statusCode(200);
        assertEquals(List.of(today), days(colombia, "seguridad"), "later visits add no row");
        assertEquals(first - 1, second, "one statement on the first visit of the day, none after");

        // Another replica (or a restart) that does not remember writes once more, harmlessly.
        recorder.forget();
        Persona.GROUP_MEMBER.request().get("/c/seguridad/members").then().statusCode(200);
        assertEquals(List.of(today), days(colombia, "seguridad"));
    }

    @Test
    void subgroupPagesAndTheApiCountButTheAdminIsNotAMember() {
        long peru = memberId("pf.peru");
        long admin = memberId("admin.prosur");
        String victims = "seguridad-asistencia-victimas";
        deleteActivity(peru, victims);
        recorder.forget();
        Persona.MEMBER.request().get("/api/communities/" + communityId(victims)).then().statusCode(200);
        assertEquals(1, days(peru, victims).size(), "the API counts as use");

        deleteActivity(peru, victims);
        recorder.forget();
        Persona.MEMBER.request().get("/c/" + victims + "/posts").then().statusCode(200);
        assertEquals(1, days(peru, victims).size(), "a subgroup page is recorded for the subgroup");

        deleteActivity(admin, "seguridad");
        recorder.forget();
        Persona.ADMIN.request().get("/c/seguridad").then().statusCode(200);
        assertEquals(List.of(), days(admin, "seguridad"), "the forum admin is not one of the group's members");
    }

    @Test
    void theMigrationBackfillsDaysFromWhatMembersWroteAndDid() throws Exception {
        long peru = memberId("pf.peru");
        String victims = "seguridad-asistencia-victimas";
        deleteActivity(peru, "seguridad");
        deleteActivity(peru, victims);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V8__activity.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("insert into member_activity_day"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(backfill).executeUpdate());
        // The demo has pf.peru's news in the group and post in the subgroup, a day ago in Lima.
        LocalDate dayAgo = ZonedDateTime.now(ZoneId.of("America/Lima")).minusDays(1).toLocalDate();
        assertTrue(days(peru, "seguridad").contains(dayAgo), "news of a day ago: " + days(peru, "seguridad"));
        assertTrue(days(peru, victims).contains(dayAgo), "post of a day ago: " + days(peru, victims));
        assertEquals(0L, count("""
                select count(*) from member_activity_day d join member m on m.id = d.member_id
                where m.username = 'admin.prosur'"""), "not a member of any group: not backfilled");
    }

    private long memberId(String username) {
        return count("select id from member where username = '" + username + "'");
    }

    private long communityId(String slug) {
        return count("select id from community where slug = '" + slug + "'");
    }

    /** The member's last days there (the demo's history before them stays). */
    private void deleteActivity(long memberId, String slug) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from member_activity_day where member_id = ?1
                and community_id = (select id from community where slug = ?2) and day >= current_date - 2""")
                .setParameter(1, memberId).setParameter(2, slug).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<LocalDate> days(long memberId, String slug) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery("""
                select day from member_activity_day where member_id = ?1
                and community_id = (select id from community where slug = ?2) and day >= current_date - 2
                order by day""").setParameter(1, memberId).setParameter(2, slug).getResultList()).stream()
                .map(SqlValues::date).toList());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult())
                .longValue());
    }
}
