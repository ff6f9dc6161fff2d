package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The outcome section of a meeting's record page (MeetingResource/outcome.html, included by the
 * record page): "n of m countries present" with each country and official and their answer before,
 * the minutes through the safe renderer, the numbered agreements and the action items; the links to
 * the forms only for those who run the meeting; all of it in the reader's language.
 */
@QuarkusTest
class OutcomeSectionTest {

    static final String S = "/c/" + OutcomeTest.SLUG;

    @Test
    void theRecordPageShowsWhoAttendedWhatWasAgreedAndWhatIsToBeDone() {
        long id = OutcomeTest.meeting();
        String show = S + "/meetings/" + id;
        int status = Persona.MEMBER.request().get(show).statusCode();
        Assumptions.assumeTrue(status != 404, "the record page (the show route) is not in this build");
        long peru = Db.member("pf.peru");
        Db.update("update meeting_invitee set answer = 'ATTENDING' where meeting_id = ?1 and member_id = ?2", id, peru);
        long invited = Db.number("select count(*) from meeting_country where meeting_id = ?1", id);

        String before = Persona.MEMBER.request().get(show).then().statusCode(200).extract().asString();
        assertTrue(Html.one(before, "#attendance").text().contains("La asistencia todavía no se registró."));
        assertTrue(Html.all(before, "#attendance a[href$=/outcome/attendance]").isEmpty(), "members get no form link");
        String leaderBefore = Persona.LEADER.request().get(show).then().statusCode(200).extract().asString();
        Html.one(leaderBefore, "#attendance a[href=" + show + "/outcome/attendance]");
        Html.one(leaderBefore, "#minutes a[href=" + show + "/outcome/minutes]");
        Html.one(leaderBefore, "#agreements a[href=" + show + "/outcome/agreements]");
        Html.one(leaderBefore, "#actions a[href=" + show + "/outcome/actions]");

        Web.form(Persona.LEADER, show + "/outcome/attendance", Map.of("status-" + peru, "PRESENT", "country-PE", "PRESENT",
                "country-CL", "REPRESENTED", "country-represented-CL", "Embajada de Chile", "country-EC", "EXCUSED"))
                .then().statusCode(303);
        Web.form(Persona.LEADER, show + "/outcome/minutes",
                Map.of("minutes", "Se aprobó el **plan sectorial**. <script>alert(1)</script>")).then().statusCode(303);
        Web.form(Persona.LEADER, show + "/outcome/agreements", Map.of("text", "Conformar tres subgrupos de trabajo"))
                .then().statusCode(303);
        Web.form(Persona.LEADER, show + "/outcome/actions", Map.of("text", "Enviar la propuesta de subgrupos",
                "ownerCountry", "PE", "due", "2030-03-01")).then().statusCode(303);

        String page = Persona.MEMBER.request().get(show).then().statusCode(200).extract().asString();
        Element attendance = Html.one(page, "#attendance");
        assertTrue(attendance.text().contains("2 de " + invited + " países presentes"), attendance.text());
        Element peruRow = Html.all(page, "#attendance .attendance-officials tr").stream()
                .filter(tr -> tr.text().contains("Lucía Quispe")).findFirst().orElseThrow();
        assertTrue(peruRow.text().contains("Asistiré") && peruRow.text().contains("Presente"), peruRow.text());
        assertTrue(attendance.text().contains("representado por Embajada de Chile"), attendance.text());
        Element minutes = Html.one(page, "#minutes .rich-text");
        assertEquals("plan sectorial", minutes.selectFirst("strong").text());
        assertTrue(minutes.select("script").isEmpty(), "the safe renderer drops scripts");
        assertTrue(Html.one(page, "#minutes").text().contains("Carlos Benítez"));
        Element agreement = Html.one(page, "#agreements li#agreement-1");
        assertEquals("1", agreement.attr("value"));
        assertEquals("Conformar tres subgrupos de trabajo", agreement.text());
        Element action = Html.all(page, "#actions tr").stream()
                .filter(tr -> tr.text().contains("Enviar la propuesta de subgrupos")).findFirst().orElseThrow();
        assertTrue(action.text().contains("Perú (país)") && action.text().contains("Abierto"), action.text());
        assertFalse(page.contains("/outcome/agreements\""), "no form links for a member");

        Object language = Db.value("select language from member where username = 'pf.peru'");
        try {
            Db.update("update member set language = 'pt' where username = 'pf.peru'");
            String pt = Persona.MEMBER.request().get(show).then().statusCode(200).extract().asString();
            assertTrue(Html.one(pt, "#attendance").text().contains("2 de " + invited + " países presentes"));
            assertEquals("Acordos", Html.one(pt, "#agreements-title").text());
            assertEquals("Compromissos", Html.one(pt, "#actions-title").text());
        } finally {
            if (language == null) {
                Db.update("update member set language = null where username = 'pf.peru'");
            } else {
                Db.update("update member set language = ?1 where username = 'pf.peru'", language);
            }
        }
    }

    @Test
    void aMeetingWithNothingRecordedSaysSo() {
        long id = TestMeetings.in(OutcomeTest.SLUG).by("lider.victimas").at(OffsetDateTime.now().plusDays(3).withNano(0))
                .save();
        var response = Persona.GROUP_MEMBER.request().get(S + "/meetings/" + id);
        Assumptions.assumeTrue(response.statusCode() != 404, "the record page (the show route) is not in this build");
        String page = response.then().statusCode(200).extract().asString();
        assertEquals("Todavía no hay acta.", Html.one(page, "#minutes p.muted").text());
        assertEquals("No hay acuerdos registrados.", Html.one(page, "#agreements p.muted").text());
        assertEquals("No hay compromisos.", Html.one(page, "#actions p.muted").text());
    }
}
