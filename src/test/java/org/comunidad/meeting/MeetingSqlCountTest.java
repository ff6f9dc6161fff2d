package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The meeting record's pages run a fixed number of SQL statements whatever the number of meetings
 * (3 and 300, upcoming and past), and a record whatever its agenda, invited officials (from several
 * countries, with answers) and documents presented (3 and 300 of each): the community's list, the
 * record, and the API's list and record.
 */
@QuarkusTest
class MeetingSqlCountTest {

    static final String SUBGROUP = "defensa-ciberdefensa";

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Test
    void meetingPagesDoNotGrowWithMeetings() {
        long main = TestMeetings.in(SUBGROUP).by("admin.prosur").titled("Reunión principal").noInvitees().save();
        seed(main, 0, 3);
        Map<String, Long> small = countAll(main);
        seed(main, 3, 297);
        Map<String, Long> large = countAll(main);

        assertTrue(Db.number("select count(*) from meeting m join community c on c.id = m.community_id where c.slug = ?1",
                SUBGROUP) >= 300);
        assertTrue(Db.number("select count(*) from meeting_invitee where meeting_id = ?1", main) >= 300);
        assertTrue(Db.number("select count(*) from meeting_agenda_item where meeting_id = ?1", main) >= 300);
        assertTrue(Db.number("select count(*) from meeting_document where meeting_id = ?1", main) >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 meetings");
        });
        System.out.printf("SQL statements per meeting page (3 -> 300 meetings, officials, agenda items, documents): %s -> %s%n",
                small, large);
    }

    private Map<String, Long> countAll(long main) {
        long community = Db.community(SUBGROUP);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : new String[] { "/c/" + SUBGROUP + "/meetings", "/c/" + SUBGROUP + "/meetings/" + main,
                "/c/" + SUBGROUP + "/meetings/" + main + "/edit", "/api/communities/" + community + "/meetings",
                "/api/communities/" + community + "/meetings/" + main }) {
            Persona.ADMIN.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> Persona.ADMIN.request().get(path).then().statusCode(200)));
        }
        return counts;
    }

    /** Officials of several countries in the subgroup, meetings past and upcoming, and the main one's parts. */
    private void seed(long main, int offset, int count) {
        Members.numbered(offset, offset + count - 1).subject("mtg-%d").username("mtg%d").name("Funcionaria %d")
                .countries("CO", "PE", "CL", "PY").institution("Ministerio").position("Asesora").in(SUBGROUP).save();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue,
                                         organizer_id)
                    select 'sql-' || i || '@test', c.id, 'Reunión ' || i, 'VIDEOCONFERENCE',
                           (array['SCHEDULED','HELD','POSTPONED','CANCELLED'])[1 + i % 4],
                           now() + make_interval(days => i % 200 - 100), now() + make_interval(days => i % 200 - 100, hours => 1),
                           (array['America/Santiago','America/Bogota','America/Sao_Paulo'])[1 + i % 3],
                           'ROOM', (select id from member where username = 'admin.prosur')
                    from community c, generate_series(:from, :to) i where c.slug = :s
                    """).setParameter("s", SUBGROUP).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into meeting_invitee (meeting_id, member_id, country_code, answer)
                    select mt.id, p.id, p.country_code, (array['ATTENDING','EXCUSED',null])[1 + p.id % 3]
                    from meeting mt, member p
                    where (mt.id = :main or mt.uid = replace(p.subject, 'mtg-', 'sql-') || '@test')
                      and p.subject in (select 'mtg-' || i from generate_series(:from, :to) i)
                    """).setParameter("main", main).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into meeting_agenda_item (meeting_id, position, title, presenter_country)
                    select :main, i + 1, 'Punto ' || i, (array['CO','PE',null])[1 + i % 3]
                    from generate_series(:from, :to) i
                    """).setParameter("main", main).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into document (group_id, community_id, title, doc_type, language, uploader_id)
                    select c.parent_id, c.id, 'Presentación ' || p.subject, 'PRESENTATION', 'es', p.id
                    from community c, member p where c.slug = :s
                      and p.subject in (select 'mtg-' || i from generate_series(:from, :to) i)
                    """).setParameter("s", SUBGROUP).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into meeting_document (meeting_id, document_id, position)
                    select :main, d.id, d.id from document d join member p on p.id = d.uploader_id
                    where p.subject in (select 'mtg-' || i from generate_series(:from, :to) i)
                    """).setParameter("main", main).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
        });
    }
}
