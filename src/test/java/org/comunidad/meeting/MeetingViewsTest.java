package org.comunidad.meeting;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * "My meetings" and the month grids: who reaches them, which communities' meetings they
 * gather, the grid's structure (a table with a caption, one column per weekday with its
 * header, one cell per day, meetings as links, the neighbouring months), the times in the
 * viewer's zone with the meeting's own beside them, and a bad month as a 400.
 */
@QuarkusTest
class MeetingViewsTest extends WithAccessMatrix {

    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";

    static AccessMatrix matrix() {
        Map<Persona, Integer> signedIn = expect(200, 200, 200, 200, 200, 200, SIGN_IN);
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        return AccessMatrix.of("meeting views")
                .get("/meetings").expect(signedIn)
                .get("/meetings/month").expect(signedIn)
                .get("/meetings/month?month=2019-11").named("a month of the demo").expect(signedIn)
                .get("/c/seguridad/meetings/month?month=2019-11").expect(read)
                .get("/c/seguridad-asistencia-victimas/meetings/month").named("a subgroup's month").expect(read)
                .get("/c/no-such-community/meetings/month").named("a community that does not exist")
                .expect(404, 404, 404, 404, 404, 404, SIGN_IN);
    }

    private static Document page(Persona persona, String path) {
        String html = persona.request().get(path).then().statusCode(200).extract().asString();
        return Html.parse(html);
    }

    @Test
    void theMonthIsAnAccessibleGridOfDaysWithTheMeetingsAsLinks() {
        Document page = page(Persona.COORDINATOR, "/meetings/month?month=2019-11");
        Element table = page.selectFirst("table#month-grid");
        assertNotNull(table, "the month is a table");
        assertTrue(table.selectFirst("caption").text().contains("2019"), table.selectFirst("caption").text());
        Elements headers = table.select("thead th[scope=col]");
        assertEquals(7, headers.size(), "one column header per weekday");
        assertEquals("Lunes", headers.first().selectFirst("abbr").attr("title"), "weeks start on Monday, named in full");
        assertEquals(30, table.select("td[data-date]").size(), "one cell per day of November");
        assertEquals(0, table.select("tbody tr").stream().filter(tr -> tr.select("td").size() != 7).count(),
                "every week has seven cells");
        // 1 November 2019 was a Friday: four blank cells before it.
        assertEquals(4, table.select("tbody tr").first().select("td.outside").size());

        Element eleventh = table.selectFirst("td[data-date=2019-11-11]");
        Element link = eleventh.selectFirst("a");
        assertEquals("1.ª Videoconferencia del Grupo de Seguridad", link.ownText().trim());
        long id = Db.number("select id from meeting where uid = 'seguridad-2019-11-11@demo.prosur.example'");
        assertEquals("/c/seguridad/meetings/" + id, link.attr("href"));
        assertEquals("10:00", link.selectFirst("time").text(), "in the coordinator's zone, Santiago");
        assertTrue(eleventh.selectFirst(".visually-hidden").text().contains("11"), "the day's full date for screen readers");
        assertTrue(table.selectFirst("td[data-date=2019-11-28]").text().contains("Taller de puntos focales de Chile (4.º)"));
        assertTrue(table.selectFirst("td[data-date=2019-11-25]").text().contains("2.ª Videoconferencia"));

        Element prev = page.selectFirst("nav.month-nav a[rel=prev]");
        Element next = page.selectFirst("nav.month-nav a[rel=next]");
        assertEquals("?month=2019-10", prev.attr("href"));
        assertEquals("?month=2019-12", next.attr("href"));
        assertTrue(prev.text().contains("octubre"), prev.text());
    }

    @Test
    void theGridIsInTheViewersZone() {
        // 01:00 on 1 January in Santiago (UTC-3 in summer) is 23:00 on 31 December in Lima (UTC-5).
        OffsetDateTime start = LocalDateTime.of(2031, 1, 1, 1, 0).atZone(ZoneId.of("America/Santiago")).toOffsetDateTime();
        String title = "Reunión de año nuevo " + System.nanoTime();
        long id = TestMeetings.in(GROUP).titled(title).at(start).zone("America/Santiago").save();
        try {
            Document lima = page(Persona.MEMBER, "/meetings/month?month=2030-12");
            Element cell = lima.selectFirst("td[data-date=2030-12-31]");
            assertTrue(cell.text().contains(title), "pf.peru (Lima) sees it on 31 December");
            assertEquals("23:00", cell.selectFirst("a[href$=/meetings/" + id + "] time").text());
            assertTrue(cell.text().contains("(01:00 Santiago)"), "with the meeting's own time beside it: " + cell.text());

            Document santiago = page(Persona.COORDINATOR, "/meetings/month?month=2031-01");
            Element first = santiago.selectFirst("td[data-date=2031-01-01]");
            assertTrue(first.text().contains(title), "the coordinator (Santiago) sees it on 1 January");
            assertFalse(first.text().contains("(01:00 Santiago)"), "one time when the zones agree");
        } finally {
            Db.update("delete from meeting where id = ?1", id);
        }
    }

    @Test
    void myMeetingsGatherMyCommunitiesOnly() {
        String groupTitle = "Reunión del grupo " + System.nanoTime();
        String subgroupTitle = "Reunión del subgrupo " + System.nanoTime();
        String energyTitle = "Reunión de energía " + System.nanoTime();
        OffsetDateTime start = OffsetDateTime.now().plusDays(3).withNano(0);
        long group = TestMeetings.in(GROUP).titled(groupTitle).at(start).save();
        long subgroup = TestMeetings.in(SUBGROUP).by("lider.victimas").titled(subgroupTitle).at(start).save();
        long energy = TestMeetings.in("energia").by("admin.prosur").titled(energyTitle).at(start).save();
        try {
            String member = upcoming(Persona.MEMBER);
            assertTrue(member.contains(groupTitle) && member.contains(subgroupTitle), "pf.peru: group and subgroup");
            assertFalse(member.contains(energyTitle));

            String groupMember = upcoming(Persona.GROUP_MEMBER);
            assertTrue(groupMember.contains(groupTitle), "pf.colombia: the group's");
            assertFalse(groupMember.contains(subgroupTitle), "pf.colombia is in none of the subgroups");

            String coordinator = upcoming(Persona.COORDINATOR);
            assertTrue(coordinator.contains(subgroupTitle), "the coordinator: every subgroup of the group");
            assertFalse(coordinator.contains(energyTitle));

            String other = upcoming(Persona.OTHER_GROUP);
            assertTrue(other.contains(energyTitle));
            assertFalse(other.contains(groupTitle) || other.contains(subgroupTitle), "nothing of Security for Energy");

            String admin = upcoming(Persona.ADMIN);
            assertTrue(admin.contains(groupTitle) && admin.contains(subgroupTitle) && admin.contains(energyTitle));
        } finally {
            Db.update("delete from meeting where id in (?1, ?2, ?3)", group, subgroup, energy);
        }
    }

    private static String upcoming(Persona persona) {
        Element section = page(persona, "/meetings").selectFirst("section[aria-labelledby=upcoming-title]");
        return section.text();
    }

    @Test
    void myMeetingsShowBothTimesAndMyAnswer() {
        // 10:00 in Santiago on a day of its summer (UTC-3) is 08:00 in Lima (UTC-5).
        OffsetDateTime start = LocalDateTime.of(2031, 1, 15, 10, 0).atZone(ZoneId.of("America/Santiago")).toOffsetDateTime();
        String title = "Videoconferencia de horarios " + System.nanoTime();
        long id = TestMeetings.in(SUBGROUP).by("lider.victimas").titled(title).at(start).lasting(90).save();
        Db.update("update meeting_invitee set answer = 'ATTENDING', answered_at = now() where meeting_id = ?1 and member_id = ?2",
                id, Db.member("pf.peru"));
        try {
            Document page = page(Persona.MEMBER, "/meetings");
            Element row = page.select("section[aria-labelledby=upcoming-title] tbody tr").stream()
                    .filter(tr -> tr.text().contains(title)).findFirst().orElseThrow();
            Element when = row.selectFirst("td.when");
            assertTrue(when.text().contains("10:00–11:30 Santiago"), when.text());
            assertTrue(when.text().contains("08:00–09:30 en tu hora"), when.text());
            assertEquals(start.toInstant().toString(), when.selectFirst("time").attr("datetime"));
            assertEquals("/c/" + SUBGROUP + "/meetings/" + id, row.selectFirst("th[scope=row] a").attr("href"));
            assertTrue(row.text().contains("Asistiré"), "pf.peru's answer: " + row.text());
            assertTrue(row.text().contains("Videoconferencia"), "its kind");

            Document leader = page(Persona.LEADER, "/meetings");
            Element leaderRow = leader.select("section[aria-labelledby=upcoming-title] tbody tr").stream()
                    .filter(tr -> tr.text().contains(title)).findFirst().orElseThrow();
            assertTrue(leaderRow.text().contains("Sin responder"), leaderRow.text());
            // Asunción and Santiago are both UTC-3 in January: one time only.
            assertFalse(leaderRow.text().contains("en tu hora"), leaderRow.text());
        } finally {
            Db.update("delete from meeting where id = ?1", id);
        }
    }

    @Test
    void pastMeetingsOfTheDemoAreListedLatestFirstInTheReadersLanguage() {
        Document page = Html.parse(Persona.COORDINATOR.request().header("Accept-Language", "es").get("/meetings")
                .then().statusCode(200).extract().asString());
        List<String> titles = page.select("section[aria-labelledby=past-title] th[scope=row] a").eachText();
        int dot = titles.indexOf("Videoconferencia del Subgrupo Combate a la DOT");
        int third = titles.indexOf("3.ª Videoconferencia del Grupo de Seguridad");
        assertTrue(dot >= 0 && third > dot, "the latest first: " + titles);
        assertTrue(page.selectFirst("nav.view-links a[href=/meetings/calendar]") != null, "the subscription page is linked");
    }

    @Test
    void aCommunitysMonthShowsItsOwnMeetings() {
        Document dot = page(Persona.MEMBER, "/c/seguridad-delincuencia-organizada/meetings/month?month=2020-09");
        assertTrue(dot.selectFirst("td[data-date=2020-09-24]").text().contains("Videoconferencia del Subgrupo Combate a la DOT"));
        assertNotNull(dot.selectFirst("nav.community-nav"), "inside the community's navigation");
        assertNotNull(dot.selectFirst("nav.view-links a[href=/c/seguridad-delincuencia-organizada/meetings]"),
                "linked to the community's list");
        Document group = page(Persona.MEMBER, "/c/seguridad/meetings/month?month=2020-09");
        assertNull(group.selectFirst("td[data-date=2020-09-24] ul"), "the group's month lists the group's own meetings");
        Document august = page(Persona.MEMBER, "/c/seguridad/meetings/month?month=2020-08");
        assertTrue(august.selectFirst("td[data-date=2020-08-06]").text().contains("retomar el trabajo"));
    }

    @Test
    void aMonthThatIsNotOneIsABadRequest() {
        for (String month : List.of("2019-13", "noviembre", "2019-1", "99999-01", "1000-01")) {
            Persona.MEMBER.request().get("/meetings/month?month=" + month).then().statusCode(400);
            Persona.MEMBER.request().get("/c/seguridad/meetings/month?month=" + month).then().statusCode(400);
        }
    }

    @Test
    void theGridSpeaksTheReadersLanguage() {
        String member = "pf.peru";
        String before = (String) Db.value("select language from member where username = ?1", member);
        Db.update("update member set language = 'en' where username = ?1", member);
        try {
            Document page = page(Persona.MEMBER, "/meetings/month?month=2020-08");
            assertEquals("Meetings by month", page.selectFirst("h1").text());
            assertTrue(page.selectFirst("caption").text().startsWith("Meetings of August 2020"),
                    page.selectFirst("caption").text());
            assertEquals("Monday", page.selectFirst("thead th abbr").attr("title"));
        } finally {
            Db.update("update member set language = ?2 where username = ?1", member, before);
        }
    }
}
