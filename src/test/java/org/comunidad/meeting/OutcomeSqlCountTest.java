package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

/**
 * The lists of action items run a fixed number of SQL statements whatever their length: the
 * community's list (open and all), "my action items", the coordinator's page of a member (with its
 * open items) and a meeting's action items page, measured with 3 and with 300 items, owned by a
 * person and by a country, across as many meetings.
 */
@io.quarkus.test.junit.QuarkusTest
class OutcomeSqlCountTest {

    static final String SLUG = "seguridad-prevencion-violencia-genero";

    @Inject
    SqlStatements sql;

    @Test
    void listsDoNotGrowWithTheirItems() {
        long first = TestMeetings.in(SLUG).by("coord.seguridad").at(OffsetDateTime.now().minusDays(30).withNano(0)).save();
        seed(first, 0, 3);
        Map<String, Long> small = countAll(first);

        seed(first, 3, 297);
        Map<String, Long> large = countAll(first);

        assertTrue(Db.number("select count(*) from meeting_action a join meeting m on m.id = a.meeting_id "
                + "join community c on c.id = m.community_id where c.slug = ?1", SLUG) >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 items");
        });
        System.out.printf("SQL statements per action-item page (3 items -> 300 items): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll(long meeting) {
        Map<String, Persona> pages = new LinkedHashMap<>();
        pages.put("/c/" + SLUG + "/meetings/actions", Persona.COORDINATOR);
        pages.put("/c/" + SLUG + "/meetings/actions?show=all", Persona.MEMBER);
        pages.put("/meetings/actions", Persona.MEMBER);
        pages.put("/meetings/actions?show=all", Persona.MEMBER);
        pages.put("/c/seguridad/members/" + Db.member("pf.peru"), Persona.COORDINATOR);
        pages.put("/c/" + SLUG + "/meetings/" + meeting + "/outcome/actions", Persona.COORDINATOR);
        Map<String, Long> counts = new LinkedHashMap<>();
        pages.forEach((path, persona) -> {
            // Warm up: the first request of a user may create their member row.
            persona.request().get(path).then().statusCode(200);
            counts.put(path + " as " + persona, sql.steady(() -> persona.request().get(path).then().statusCode(200)));
        });
        return counts;
    }

    /**
     * {@code count} action items from item {@code offset} on: every third in a meeting of its own,
     * the others in the first meeting; half owned by pf.peru, half by Peru.
     */
    private static void seed(long firstMeeting, int offset, int count) {
        for (int i = offset; i < offset + count; i += 3) {
            long meeting = i == 0 ? firstMeeting
                    : TestMeetings.in(SLUG).by("coord.seguridad").titled("Reunión " + i).noInvitees()
                            .at(OffsetDateTime.now().minusDays(i % 60 + 1).withNano(0)).save();
            Db.update("""
                    insert into meeting_action (meeting_id, number, text, owner_id, owner_country, due_date, status, author_id)
                    select ?1, (select coalesce(max(number), 0) from meeting_action where meeting_id = ?1) + k,
                           'Compromiso ' || (?2 + k), case when k % 2 = 0 then ?3 end, case when k % 2 = 1 then 'PE' end,
                           current_date + (k * 7 - 10), case when k = 3 then 'DONE' else 'OPEN' end, ?4
                    from generate_series(1, least(3, ?5)) k""", meeting, i, Db.member("pf.peru"),
                    Db.member("coord.seguridad"), offset + count - i);
        }
    }
}
