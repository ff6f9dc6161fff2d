package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * "My meetings" and the month grids run the same statements with 3 and with 300 meetings: the
 * meetings with their community in one statement, the viewer's answers in another.
 */
@QuarkusTest
class MeetingViewsSqlCountTest {

    static final String MONTH = "2032-03";
    static final String TITLE = "Reunión de carga";

    @Inject
    SqlStatements sql;

    @Test
    void meetingListsAndMonthsDoNotGrowWithMeetings() {
        String[] paths = { "/meetings", "/meetings/month?month=" + MONTH,
                "/c/seguridad-asistencia-victimas/meetings/month?month=" + MONTH };
        try {
            add(0, 3);
            long[] small = countAll(paths);
            add(3, 300);
            long[] large = countAll(paths);
            assertEquals(300, Db.number("select count(*) from meeting where title like ?1", TITLE + "%"));
            for (int i = 0; i < paths.length; i++) {
                assertTrue(small[i] > 0, paths[i] + " ran no SQL: is the counter working?");
                assertEquals(small[i], large[i], paths[i] + ": statements with 3 vs 300 meetings");
                System.out.printf("SQL statements of %s: %d with 3 meetings, %d with 300%n", paths[i], small[i], large[i]);
            }
        } finally {
            Db.update("delete from meeting where title like ?1", TITLE + "%");
        }
    }

    /** Meetings of the subgroup spread over the month, each with its invited officials, every other one answered. */
    private static void add(int from, int to) {
        for (int i = from; i < to; i++) {
            OffsetDateTime start = LocalDateTime.of(2032, 3, 1 + i % 31, 8 + i % 10, 0)
                    .atZone(ZoneId.of("America/Asuncion")).toOffsetDateTime();
            long id = TestMeetings.in("seguridad-asistencia-victimas").by("lider.victimas").titled(TITLE + " " + i)
                    .at(start).zone("America/Asuncion").save();
            if (i % 2 == 0) {
                Db.update("update meeting_invitee set answer = 'EXCUSED', answered_at = now() where meeting_id = ?1", id);
            }
        }
    }

    private long[] countAll(String[] paths) {
        long[] counts = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            Persona.MEMBER.request().get(path).then().statusCode(200);
            counts[i] = sql.steady(() -> Persona.MEMBER.request().get(path).then().statusCode(200));
        }
        return counts;
    }
}
