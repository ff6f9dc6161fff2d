package org.comunidad.meeting;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Tokens;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The meeting record's pages: every route for every persona (the matrix), then what a leader,
 * an invited member of another country and the coordinator see and do: scheduling with an agenda
 * and invited countries, the record per country, answers, changes that raise the SEQUENCE and
 * notify, cancellation, mistakes answered with the form as typed, documents cited under the
 * repository's rules, and the search finding an agreement.
 */
@QuarkusTest
class MeetingResourceTest extends WithAccessMatrix {

    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SUBGROUP + "/meetings";
    static final String G = "/c/" + GROUP + "/meetings";

    static long meeting() {
        return TestMeetings.in(SUBGROUP).by("lider.victimas").save();
    }

    static Map<String, Object> fields(String title) {
        return Map.of("title", title, "kind", "VIDEOCONFERENCE", "date", LocalDate.now().plusDays(10).toString(),
                "start", "10:00", "end", "11:30", "timeZone", "America/Santiago", "venue", "ROOM",
                "agenda", "PE: Informe del Perú\nAcuerdos");
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> readPage = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> readApi = expect(200, 200, 200, 200, 200, 404, 401);
        Map<Persona, Integer> runsSubgroupPage = expect(200, 200, 200, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> runsSubgroupForm = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        return AccessMatrix.of("meetings")
                .bind("subgroup", () -> Db.community(SUBGROUP))
                .bind("group", () -> Db.community(GROUP))
                .get(S).expect(readPage)
                .get(G).named("GET the group's meetings").expect(readPage)
                .get(S + "/new").expect(runsSubgroupPage)
                .get(G + "/new").named("GET the group's schedule form").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .form(S, fields("Videoconferencia del subgrupo")).expect(runsSubgroupForm)
                .form(G, fields("Videoconferencia del grupo")).named("POST a group meeting")
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                .get(S + "/{meeting}").given("meeting", MeetingResourceTest::meeting).expect(readPage)
                .get(S + "/{meeting}/edit").given("meeting", MeetingResourceTest::meeting).expect(runsSubgroupPage)
                .form(S + "/{meeting}/edit", fields("Videoconferencia modificada"))
                        .given("meeting", MeetingResourceTest::meeting).expect(runsSubgroupForm)
                .form(S + "/{meeting}/status", Map.of("status", "POSTPONED"))
                        .given("meeting", MeetingResourceTest::meeting).expect(runsSubgroupForm)
                // The subgroup's own members answer (and the invited); the group's coordinator is not invited here.
                .form(S + "/{meeting}/answer", Map.of("answer", "ATTENDING"))
                        .given("meeting", MeetingResourceTest::meeting).expect(403, 403, 303, 303, 403, 404, SIGN_IN)
                .get("/api/communities/{subgroup}/meetings").expect(readApi)
                .get("/api/communities/{subgroup}/meetings/{meeting}").given("meeting", MeetingResourceTest::meeting)
                        .expect(readApi)
                .json("/api/communities/{subgroup}/meetings", Map.of("title", "Desde la API", "kind", "WORKSHOP",
                        "date", LocalDate.now().plusDays(12).toString(), "start", "09:00", "end", "10:00",
                        "timeZone", "America/Bogota", "venue", "LINK", "externalUrl", "https://meet.example.org/x"))
                        .expect(201, 201, 201, 403, 403, 404, 401);
    }

    @Test
    void aLeaderSchedulesAndTheRecordShowsPerCountryWhoIsExpected() {
        Response created = post("lider.victimas", S, Map.of("title", "2ª Videoconferencia del subgrupo", "kind",
                "VIDEOCONFERENCE", "date", LocalDate.now().plusDays(9).toString(), "start", "10:00", "end", "11:30",
                "timeZone", "America/Santiago", "venue", "ROOM",
                "agenda", "PE: Informe del Perú\nPY: Ruta de derivación\nAcuerdos y cierre"),
                Map.of("countries", List.of("PE", "PY")));
        assertEquals(303, created.statusCode(), created.body().asString());
        long id = idFrom(created.header("Location"));

        assertEquals(0L, Db.number("select sequence from meeting where id = ?1", id));
        assertEquals("America/Santiago", Db.value("select time_zone from meeting where id = ?1", id));
        assertEquals(LocalDate.now().plusDays(9).atTime(10, 0).atZone(java.time.ZoneId.of("America/Santiago")).toInstant(),
                ((OffsetDateTime) Db.call(em -> em.createNativeQuery("select starts_at from meeting where id = ?1",
                        OffsetDateTime.class).setParameter(1, id).getSingleResult())).toInstant(),
                "the local time is stored as the instant it is in Santiago");
        assertEquals(3L, Db.number("select count(*) from meeting_agenda_item where meeting_id = ?1", id));
        assertEquals("PE", Db.value("select presenter_country from meeting_agenda_item where meeting_id = ?1 and position = 1", id));
        assertEquals(2L, Db.number("select count(*) from meeting_country where meeting_id = ?1", id));
        long peru = Db.member("pf.peru");
        assertEquals(1L, Db.number("select count(*) from meeting_invitee where meeting_id = ?1 and member_id = ?2 and country_code = 'PE'",
                id, peru), "pf.peru is invited for Peru");
        assertEquals(1L, Db.number("select count(*) from notification where member_id = ?1 and kind = 'MEETING_INVITED' "
                + "and event_key = ?2", peru, "meeting:" + id + ":seq:0"), "and hears of it");
        assertEquals(0L, Db.number("select count(*) from notification where member_id = ?1 and event_key like ?2",
                Db.member("lider.victimas"), "meeting:" + id + ":%"), "the organizer is not told of their own meeting");
        assertEquals(1L, Db.number("select count(*) from audit_log where action = 'MEETING_SCHEDULE' and target_id = ?1", id));

        Document page = page(Persona.MEMBER, id);
        assertNotNull(page.getElementById("answer-form"));
        assertNotNull(page.getElementById("join"), "the join control");
        assertEquals(S + "/" + id + "/calendar.ics", page.getElementById("calendar").attr("href"));
        Element agenda = page.getElementById("agenda");
        assertEquals(3, agenda.select("ol > li").size());
        assertTrue(agenda.select("ol > li").first().text().contains("Perú"), agenda.text());
        assertTrue(page.select("time").first().text().contains("10:00"), "in the meeting's zone");
        assertTrue(page.select(".facts").text().contains("Santiago"), page.select(".facts").text());
        Element invited = page.getElementById("invited");
        assertEquals(2, invited.select("tbody th[scope=row]").size(), "one row per invited country");

        // The member answers; the record shows it under Peru.
        assertEquals(303, Web.form(Persona.MEMBER, S + "/" + id + "/answer", Map.of("answer", "ATTENDING")).statusCode());
        assertEquals("ATTENDING", Db.value("select answer from meeting_invitee where meeting_id = ?1 and member_id = ?2", id, peru));
        Element peruRow = page(Persona.LEADER, id).getElementById("invited").select("tbody tr").stream()
                .filter(r -> r.text().contains("Perú")).findFirst().orElseThrow();
        assertTrue(peruRow.text().contains("Asistiré"), peruRow.text());
        assertEquals(1L, Db.number("select count(*) from meeting_invitee where meeting_id = ?1 and answer = 'ATTENDING'", id));

        // The list shows it with its answers, on the page of the upcoming meetings where its date puts it
        // (the list pages its meetings, 25 a page: the class's other tests schedule many in this subgroup).
        String path = S;
        boolean listed = false;
        for (int pages = 0; pages < 20 && path != null && !listed; pages++) {
            Document list = Jsoup.parse(Persona.MEMBER.request().get(path).then().statusCode(200).extract().asString());
            listed = list.getElementById("upcoming").text().contains("2ª Videoconferencia del subgrupo");
            Element next = list.selectFirst("#upcoming a[rel=next]");
            path = next == null ? null : next.attr("href").replaceFirst("#.*$", "");
        }
        assertTrue(listed, "the meeting is on a page of the upcoming list");
    }

    @Test
    void aChangeRaisesTheSequenceKeepsTheAnswersAndTellsTheInvited() {
        long id = meeting();
        long peru = Db.member("pf.peru");
        String uid = (String) Db.value("select uid from meeting where id = ?1", id);
        Web.form(Persona.MEMBER, S + "/" + id + "/answer", Map.of("answer", "EXCUSED")).then().statusCode(303);

        Document form = Jsoup.parse(Persona.LEADER.request().get(S + "/" + id + "/edit").then().statusCode(200)
                .extract().asString());
        assertEquals("Videoconferencia de prueba", form.getElementById("meeting-title").val(), "the stored values");

        assertEquals(303, Web.form(Persona.LEADER, S + "/" + id + "/edit", fields("Videoconferencia reprogramada"))
                .statusCode());
        assertEquals(1L, Db.number("select sequence from meeting where id = ?1", id));
        assertEquals(uid, Db.value("select uid from meeting where id = ?1", id), "the UID never changes");
        assertEquals("EXCUSED", Db.value("select answer from meeting_invitee where meeting_id = ?1 and member_id = ?2", id, peru));
        assertEquals(1L, Db.number("select count(*) from notification where member_id = ?1 and kind = 'MEETING_CHANGED' "
                + "and event_key = ?2", peru, "meeting:" + id + ":seq:1"));
        assertTrue(((String) Db.value("select excerpt from notification where member_id = ?1 and event_key = ?2", peru,
                "meeting:" + id + ":seq:1")).startsWith("Videoconferencia reprogramada"));

        // Cancelled: the invited hear it, the sequence rises again, answers are closed.
        assertEquals(303, Web.form(Persona.COORDINATOR, S + "/" + id + "/status", Map.of("status", "CANCELLED")).statusCode());
        assertEquals("CANCELLED", Db.value("select status from meeting where id = ?1", id));
        assertEquals(2L, Db.number("select sequence from meeting where id = ?1", id));
        assertEquals(1L, Db.number("select count(*) from notification where member_id = ?1 and kind = 'MEETING_CANCELLED' "
                + "and event_key = ?2", peru, "meeting:" + id + ":cancel:2"));
        Response refused = Web.form(Persona.MEMBER, S + "/" + id + "/answer", Map.of("answer", "ATTENDING"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().asString().contains("fue cancelada"), refused.body().asString());
        Document page = page(Persona.MEMBER, id);
        assertEquals(null, page.getElementById("answer-form"), "no answer form on a cancelled meeting");
        assertTrue(page.getElementById("join").hasAttr("aria-disabled"));

        // Held: not a calendar change.
        Web.form(Persona.LEADER, S + "/" + id + "/status", Map.of("status", "HELD")).then().statusCode(303);
        assertEquals(2L, Db.number("select sequence from meeting where id = ?1", id));
    }

    @Test
    void mistakesComeBackAsTypedWithAMessagePerField() {
        Map<String, Object> typed = new java.util.HashMap<>(fields("Taller de puntos focales"));
        typed.put("end", "09:00");
        typed.put("venue", "PLACE");
        typed.put("agenda", "ZZ: Punto desconocido");
        Response bad = Web.form(Persona.LEADER, S, typed);
        assertEquals(400, bad.statusCode());
        Document page = Jsoup.parse(bad.body().asString());
        assertEquals("Taller de puntos focales", page.getElementById("meeting-title").val());
        assertTrue(page.getElementById("meeting-end-error").text().contains("posterior"), page.getElementById("meeting-end-error").text());
        assertFalse(page.getElementById("meeting-place-error").text().isBlank(), "a place is required at a place");
        assertFalse(page.getElementById("meeting-agenda-error").text().isBlank());
        assertEquals("ZZ: Punto desconocido", page.getElementById("meeting-agenda").text());

        Map<String, Object> zone = new java.util.HashMap<>(fields("Taller"));
        zone.put("timeZone", "Mars/Olympus");
        zone.put("date", "2026-13-40");
        zone.put("kind", "PICNIC");
        Document again = Jsoup.parse(Web.form(Persona.LEADER, S, zone).then().statusCode(400).extract().asString());
        assertFalse(again.getElementById("meeting-timeZone-error").text().isBlank());
        assertFalse(again.getElementById("meeting-date-error").text().isBlank());
        assertFalse(again.getElementById("meeting-kind-error").text().isBlank());

        assertEquals(400, Web.form(Persona.LEADER, S + "/" + meeting() + "/status", Map.of("status", "FORGOTTEN")).statusCode());
        assertEquals(400, Web.form(Persona.MEMBER, S + "/" + meeting() + "/answer", Map.of("answer", "MAYBE")).statusCode());
        assertEquals(404, Persona.MEMBER.request().get(S + "/999999999").statusCode());
        assertEquals(404, Persona.MEMBER.request().get("/c/" + GROUP + "/meetings/" + meeting()).statusCode(),
                "a subgroup's meeting is not found through its group");
    }

    @Test
    void documentsPresentedAreCitedUnderTheRepositorysRules() {
        long group = Db.community(GROUP);
        long energyGroup = Db.community("energia");
        long doc = document(group, "Plan sectorial de seguridad 2020");
        long foreign = document(energyGroup, "Plan de energía");
        Response created = post("lider.victimas", S, fields("Con documentos"), Map.of("documents", List.of(String.valueOf(doc))));
        assertEquals(303, created.statusCode(), created.body().asString());
        long id = idFrom(created.header("Location"));
        Element documents = page(Persona.MEMBER, id).getElementById("documents");
        assertEquals("/c/" + GROUP + "/documents/" + doc, documents.select("a").attr("href"));

        // A document of a group the leader does not belong to cannot be cited.
        Response refused = post("lider.victimas", S, fields("Con un documento ajeno"),
                Map.of("documents", List.of(String.valueOf(foreign))));
        assertEquals(400, refused.statusCode());
        Document form = Jsoup.parse(Persona.LEADER.request().get(S + "/new").then().statusCode(200).extract().asString());
        assertTrue(form.select("#documents input[value=" + doc + "]").size() == 1, "the group's documents are offered");
        assertTrue(form.select("#documents input[value=" + foreign + "]").isEmpty(), "not another group's");
    }

    @Test
    void theSearchBoxFindsAgreementsAndLinksToTheirMeeting() {
        long id = meeting();
        Db.update("insert into meeting_agreement (meeting_id, number, text, author_id) values (?1, 1, ?2, ?3)", id,
                "Se acordó conformar tres subgrupos de trabajo zarigüeya", Db.member("lider.victimas"));
        Document found = Jsoup.parse(Persona.MEMBER.request().queryParam("q", "zarigüeya").get("/search").then()
                .statusCode(200).extract().asString());
        assertFalse(found.select("a[href=" + S + "/" + id + "]").isEmpty(), found.text());
        Document outside = Jsoup.parse(Persona.OTHER_GROUP.request().queryParam("q", "zarigüeya").get("/search").then()
                .statusCode(200).extract().asString());
        assertTrue(outside.select("a[href=" + S + "/" + id + "]").isEmpty(), "not for another group's member");
    }

    @Test
    void aMemberReadsTheRecordInTheirLanguage() {
        long id = meeting();
        Db.update("update member set language = 'en' where username = 'pf.peru'");
        try {
            Document page = page(Persona.MEMBER, id);
            assertTrue(page.getElementById("answer-form").text().contains("I will attend"), page.text());
            assertTrue(page.getElementById("agenda").text().contains("Agenda"));
            assertTrue(page.select(".badges").text().contains("Scheduled"));
            assertTrue(page.getElementById("calendar").text().contains("Add to my calendar"));
        } finally {
            Db.update("update member set language = 'es' where username = 'pf.peru'");
        }
        Db.update("update member set language = 'pt' where username = 'pf.peru'");
        try {
            assertTrue(page(Persona.MEMBER, id).getElementById("answer-form").text().contains("Estarei presente"));
        } finally {
            Db.update("update member set language = 'es' where username = 'pf.peru'");
        }
    }

    static long document(long group, String title) {
        return Db.number("""
                insert into document (group_id, community_id, title, doc_type, language, uploader_id)
                values (?1, ?1, ?2, 'REPORT', 'es', ?3) returning id""", group, title, Db.member("coord.seguridad"));
    }

    static Document page(Persona persona, long id) {
        return Jsoup.parse(persona.request().get(S + "/" + id).then().statusCode(200).extract().asString());
    }

    static long idFrom(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1).replaceAll("[#?].*", ""));
    }

    /** A form with repeated fields (countries, documents), as a browser sends checkboxes. */
    static Response post(String username, String path, Map<String, Object> fields, Map<String, List<String>> repeated) {
        Csrf csrf = Csrf.fetch(Tokens.as(username));
        var request = Tokens.as(username).cookie(Csrf.COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam(Csrf.FIELD, csrf.token());
        fields.forEach((k, v) -> request.formParam(k, v));
        repeated.forEach((k, values) -> request.formParam(k, values.toArray()));
        return request.post(path);
    }
}
