package org.comunidad.meeting;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * After a meeting: every outcome route for every persona (those who run the meeting record, members
 * get 403 and read, non-members 404), then what the forms do: attendance pre-filled from the answers
 * and recorded per official and per country, "represented by" required, minutes rendered safely,
 * agreements numbered and renumbered, action items with one owner each, the lists (community, mine,
 * the coordinator's member page) and the attendance API.
 */
@QuarkusTest
class OutcomeTest extends WithAccessMatrix {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    /** A meeting of the subgroup, a week ago, scheduled by its leader, with the subgroup's countries and officials invited. */
    static long meeting() {
        return TestMeetings.in(SLUG).by("lider.victimas").titled("Videoconferencia de la matriz")
                .at(OffsetDateTime.now().minusDays(7).withNano(0)).save();
    }

    static long agreement(long meeting, int number, String text) {
        Db.update("insert into meeting_agreement (meeting_id, number, text, author_id) values (?1, ?2, ?3, ?4)",
                meeting, number, text, Db.member("lider.victimas"));
        return meeting;
    }

    static void action(long meeting, int number, String text, String owner, String country, LocalDate due) {
        Db.update("""
                insert into meeting_action (meeting_id, number, text, owner_id, owner_country, due_date, author_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""", meeting, number, text,
                owner == null ? null : Db.member(owner), country, due, Db.member("lider.victimas"));
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> runnersRead = expect(200, 200, 200, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> runnersWrite = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Supplier<Long> meeting = OutcomeTest::meeting;
        String outcome = S + "/meetings/{meeting}/outcome";
        return AccessMatrix.of("meeting outcomes")
                .bind("sub", () -> Db.community(SLUG))
                .get(outcome + "/attendance").given("meeting", meeting).expect(runnersRead)
                .form(outcome + "/attendance", Map.of("country-PE", "PRESENT", "country-CL", "ABSENT"))
                        .given("meeting", meeting).expect(runnersWrite)
                .get(outcome + "/minutes").given("meeting", meeting).expect(runnersRead)
                .form(outcome + "/minutes", Map.of("minutes", "Se revisó el protocolo."))
                        .given("meeting", meeting).expect(runnersWrite)
                .get(outcome + "/agreements").given("meeting", meeting).expect(runnersRead)
                .form(outcome + "/agreements", Map.of("text", "Conformar tres subgrupos"))
                        .given("meeting", meeting).expect(runnersWrite)
                .form(outcome + "/agreements/1/edit", Map.of("text", "Conformar tres subgrupos de trabajo"))
                        .given("meeting", () -> agreement(meeting(), 1, "Conformar")).expect(runnersWrite)
                .form(outcome + "/agreements/1/delete", Map.of())
                        .given("meeting", () -> agreement(meeting(), 1, "Conformar")).expect(runnersWrite)
                .get(outcome + "/actions").given("meeting", meeting).expect(runnersRead)
                .form(outcome + "/actions", Map.of("text", "Enviar el informe", "ownerCountry", "PE",
                        "due", LocalDate.now().plusDays(30).toString()))
                        .given("meeting", meeting).expect(runnersWrite)
                .form(outcome + "/actions/1/status", Map.of("status", "DONE")).given("meeting", () -> {
                    long id = meeting();
                    action(id, 1, "Enviar el informe", null, "PE", null);
                    return id;
                }).expect(runnersWrite)
                // Knowing the meeting's id is not enough: through another community it does not exist.
                .get("/c/energia/meetings/{meeting}/outcome/attendance").given("meeting", meeting)
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get(S + "/meetings/actions").expect(read)
                .get(S + "/meetings/actions?show=all").expect(read)
                .get("/meetings/actions").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .json("/api/communities/{sub}/meetings/{meeting}/attendance",
                        Map.of("countries", List.of(Map.of("country", "PE", "attendance", "PRESENT"))))
                        .given("meeting", meeting).expect(200, 200, 200, 403, 403, 404, 401);
    }

    @Test
    void theAttendanceFormStartsFromTheAnswersAndRecordsOfficialsAndCountries() {
        long id = meeting();
        long peru = Db.member("pf.peru");
        Db.update("update meeting_invitee set answer = 'ATTENDING' where meeting_id = ?1 and member_id = ?2", id, peru);
        String form = Persona.LEADER.request().get(S + "/meetings/" + id + "/outcome/attendance").then()
                .statusCode(200).extract().asString();
        Html.selectedOption(form, "select[name=status-" + peru + "]", "PRESENT");
        Html.selectedOption(form, "select[name=country-PE]", "PRESENT");
        assertEquals("", Html.field(form, "country-CL"), "no official of Chile answered: nothing pre-filled");
        Element label = Html.one(form, "label[for=f-status-" + peru + "]");
        assertTrue(label.text().contains("Lucía Quispe"), label.text());

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status-" + peru, "REPRESENTED");
        fields.put("represented-" + peru, "Embajada del Perú en Asunción");
        fields.put("country-PE", "REPRESENTED");
        fields.put("country-represented-PE", "Embajada del Perú en Asunción");
        fields.put("country-CL", "ABSENT");
        fields.put("country-EC", "EXCUSED");
        Response saved = Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/attendance", fields);
        assertEquals(303, saved.statusCode(), saved.body().asString());
        assertTrue(saved.header("Location").endsWith(S + "/meetings/" + id + "#attendance"), saved.header("Location"));
        assertEquals("REPRESENTED", Db.value("select attendance from meeting_invitee where meeting_id = ?1 and member_id = ?2",
                id, peru));
        assertEquals("Embajada del Perú en Asunción",
                Db.value("select represented_by from meeting_country where meeting_id = ?1 and country_code = 'PE'", id));
        assertEquals("ABSENT", Db.value("select attendance from meeting_country where meeting_id = ?1 and country_code = 'CL'", id));
        assertEquals(1L, Db.number("select count(*) from meeting where id = ?1 and attendance_at is not null", id));
        assertEquals(1L, Db.number("select count(*) from audit_log where action = 'MEETING_ATTENDANCE' and target_id = ?1", id));

        // Once recorded, the form shows what was recorded, not the answers.
        String again = Persona.COORDINATOR.request().get(S + "/meetings/" + id + "/outcome/attendance").then()
                .statusCode(200).extract().asString();
        Html.selectedOption(again, "select[name=country-PE]", "REPRESENTED");
        Html.selectedOption(again, "select[name=country-CL]", "ABSENT");
        assertEquals("Embajada del Perú en Asunción", Html.field(again, "country-represented-PE"));
    }

    @Test
    void representedNeedsWhoAndAMistakeKeepsWhatWasTyped() {
        long id = meeting();
        Response response = Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/attendance",
                Map.of("country-PE", "REPRESENTED", "country-represented-PE", " ", "country-CL", "ABSENT",
                        "country-EC", "BOGUS"));
        assertEquals(400, response.statusCode());
        String page = response.body().asString();
        Html.selectedOption(page, "select[name=country-PE]", "REPRESENTED");
        Html.selectedOption(page, "select[name=country-CL]", "ABSENT");
        assertEquals("Este campo es obligatorio.", Html.one(page, "#f-country-represented-PE-error").text());
        assertFalse(Html.one(page, "#f-country-EC-error").text().isBlank());
        assertNull(Db.value("select attendance_at from meeting where id = ?1", id), "nothing was stored");
        assertNull(Db.value("select attendance from meeting_country where meeting_id = ?1 and country_code = 'CL'", id));
    }

    @Test
    void membersAreToldWhyTheyMayNotRecordAndACancelledMeetingTakesNothing() {
        long id = meeting();
        Response member = Web.form(Persona.MEMBER, S + "/meetings/" + id + "/outcome/minutes", Map.of("minutes", "Hola"));
        assertEquals(403, member.statusCode());
        assertTrue(member.body().asString().contains("Solo el líder del subgrupo, el coordinador sectorial"),
                member.body().asString());
        Db.update("update meeting set status = 'CANCELLED' where id = ?1", id);
        Response cancelled = Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/agreements",
                Map.of("text", "Acuerdo"));
        assertEquals(403, cancelled.statusCode());
        assertTrue(cancelled.body().asString().contains("Esta reunión fue cancelada"));
        assertEquals(0L, Db.number("select count(*) from meeting_agreement where meeting_id = ?1", id));
    }

    @Test
    void minutesAreStoredWithTheirAuthorAndBlankRemovesThem() {
        long id = meeting();
        Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/minutes",
                Map.of("minutes", "## Acta\n\nSe aprobó el **plan sectorial**.")).then().statusCode(303);
        assertEquals("## Acta\n\nSe aprobó el **plan sectorial**.", Db.value("select minutes from meeting where id = ?1", id));
        assertEquals(Db.member("lider.victimas"), Db.number("select minutes_by from meeting where id = ?1", id));
        String form = Persona.LEADER.request().get(S + "/meetings/" + id + "/outcome/minutes").then().statusCode(200)
                .extract().asString();
        assertEquals("## Acta\n\nSe aprobó el **plan sectorial**.",
                Html.one(form, "textarea[name=minutes]").wholeText().strip());

        Response tooLong = Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/minutes",
                Map.of("minutes", "x".repeat(Meeting.MINUTES_MAX + 1)));
        assertEquals(400, tooLong.statusCode());

        Web.form(Persona.LEADER, S + "/meetings/" + id + "/outcome/minutes", Map.of("minutes", "  ")).then()
                .statusCode(303);
        assertNull(Db.value("select minutes from meeting where id = ?1", id));
    }

    @Test
    void agreementsAreNumberedAndRenumberedWhenOneIsDeleted() {
        long id = meeting();
        String agreements = S + "/meetings/" + id + "/outcome/agreements";
        for (String text : List.of("Conformar tres subgrupos", "Aprobar el plan sectorial", "Reunirse en diciembre")) {
            Response r = Web.form(Persona.LEADER, agreements, Map.of("text", text));
            assertEquals(303, r.statusCode(), r.body().asString());
            assertTrue(r.header("Location").endsWith(agreements), r.header("Location"));
        }
        Web.form(Persona.COORDINATOR, agreements + "/2/delete", Map.of()).then().statusCode(303);
        Web.form(Persona.LEADER, agreements + "/2/edit", Map.of("text", "Reunirse el 16 de diciembre")).then()
                .statusCode(303);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Db.call(em -> em.createNativeQuery(
                "select number, text from meeting_agreement where meeting_id = ?1 order by number")
                .setParameter(1, id).getResultList());
        assertEquals(2, rows.size());
        assertEquals(List.of(1, "Conformar tres subgrupos"), List.of(((Number) rows.get(0)[0]).intValue(), rows.get(0)[1]));
        assertEquals(List.of(2, "Reunirse el 16 de diciembre"), List.of(((Number) rows.get(1)[0]).intValue(), rows.get(1)[1]));
        Web.form(Persona.LEADER, agreements + "/9/edit", Map.of("text", "No existe")).then().statusCode(404);

        String page = Persona.LEADER.request().get(agreements).then().statusCode(200).extract().asString();
        assertEquals("2", Html.one(page, "#agreement-2").attr("value"));
        Response empty = Web.form(Persona.LEADER, agreements, Map.of("text", "   "));
        assertEquals(400, empty.statusCode());
        assertEquals("Este campo es obligatorio.", Html.one(empty.body().asString(), "#agreement-text-error").text());
    }

    @Test
    void actionItemsHaveOneOwnerAndShowInTheCommunityAndOnTheOwnersPage() {
        long id = meeting();
        String actions = S + "/meetings/" + id + "/outcome/actions";
        String text = "Enviar el informe nacional " + System.nanoTime();
        Response both = Web.form(Persona.LEADER, actions, Map.of("text", text, "ownerId",
                String.valueOf(Db.member("pf.peru")), "ownerCountry", "PE", "due", "2027-01-15"));
        assertEquals(400, both.statusCode());
        String page = both.body().asString();
        assertEquals("Elija una persona o un país, no ambos.", Html.one(page, "#action-ownerId-error").text());
        assertEquals(text, Html.field(page, "text"), "what was typed is kept");
        Html.selectedOption(page, "select[name=ownerCountry]", "PE");
        assertEquals(400, Web.form(Persona.LEADER, actions, Map.of("text", text)).statusCode(), "an owner is required");
        assertEquals(400, Web.form(Persona.LEADER, actions, Map.of("text", text, "ownerCountry", "PE", "due", "15/01/2027"))
                .statusCode());
        assertEquals(400, Web.form(Persona.LEADER, actions, Map.of("text", text, "ownerId",
                String.valueOf(Db.member("pf.argentina")))).statusCode(), "someone outside the community owns nothing here");
        assertEquals(0L, Db.number("select count(*) from meeting_action where meeting_id = ?1", id));

        // Two days back: overdue in every member's zone whatever the hour (one day back is still today in Lima
        // between midnight and 5:00 UTC).
        Web.form(Persona.LEADER, actions, Map.of("text", text, "ownerCountry", "PE", "due",
                LocalDate.now().minusDays(2).toString())).then().statusCode(303);
        Web.form(Persona.LEADER, actions, Map.of("text", text + " (persona)", "ownerId",
                String.valueOf(Db.member("pf.colombia")), "status", "IN_PROGRESS")).then().statusCode(303);

        // Peru's official sees her country's item, overdue, on "my action items"; Colombia's sees his own.
        String mine = Persona.MEMBER.request().get("/meetings/actions").then().statusCode(200).extract().asString();
        Element row = rowWith(mine, text);
        assertTrue(row.text().contains("vencido"), row.text());
        assertTrue(row.text().contains("Perú (país)"), row.text());
        assertFalse(mine.contains(text + " (persona)"));
        String colombia = Persona.GROUP_MEMBER.request().get("/meetings/actions").then().statusCode(200).extract()
                .asString();
        assertTrue(rowWith(colombia, text + " (persona)").text().contains("En curso"));
        String other = Persona.OTHER_GROUP.request().get("/meetings/actions").then().statusCode(200).extract().asString();
        assertFalse(other.contains(text));

        // The community's list: open ones; a status change by the leader from the list comes back to it.
        String list = Persona.LEADER.request().get(S + "/meetings/actions").then().statusCode(200).extract().asString();
        Element form = rowWith(list, text).selectFirst("form");
        Response done = Web.form(Persona.LEADER, form.attr("action"), Map.of("status", "DONE", "back", "list"));
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").endsWith(S + "/meetings/actions"), done.header("Location"));
        String open = Persona.MEMBER.request().get(S + "/meetings/actions").then().statusCode(200).extract().asString();
        assertFalse(open.contains(text + "<"), "a done item leaves the open list");
        assertTrue(Persona.MEMBER.request().get(S + "/meetings/actions?show=all").then().statusCode(200).extract()
                .asString().contains(text));
        assertTrue(Html.all(open, "select[name=status]").isEmpty(), "members read, they do not change a status");
        assertEquals(400, Web.form(Persona.LEADER, actions + "/1/status", Map.of("status", "LATER")).statusCode());
        Web.form(Persona.LEADER, actions + "/7/status", Map.of("status", "DONE")).then().statusCode(404);
    }

    @Test
    void theCoordinatorSeesAMembersOpenActionItemsOnTheirPage() {
        long id = meeting();
        String text = "Coordinar con la fiscalía " + System.nanoTime();
        action(id, 1, text, "pf.peru", null, LocalDate.now().plusDays(10));
        action(id, 2, text + " (hecho)", "pf.peru", null, null);
        Db.update("update meeting_action set status = 'DONE' where meeting_id = ?1 and number = 2", id);
        String page = Persona.COORDINATOR.request().get("/c/seguridad/members/" + Db.member("pf.peru")).then()
                .statusCode(200).extract().asString();
        Element section = Html.one(page, "section[aria-labelledby=member-actions-title]");
        assertTrue(section.text().contains(text), section.text());
        assertFalse(section.text().contains(text + " (hecho)"));
    }

    @Test
    void theApiRecordsAttendanceUnderTheSameRules() {
        long id = meeting();
        long peru = Db.member("pf.peru");
        String path = "/api/communities/" + Db.community(SLUG) + "/meetings/" + id + "/attendance";
        Response ok = Web.postJson(Persona.LEADER, path, Map.of(
                "officials", List.of(Map.of("memberId", peru, "attendance", "PRESENT")),
                "countries", List.of(Map.of("country", "PE", "attendance", "PRESENT"),
                        Map.of("country", "CL", "attendance", "REPRESENTED", "representedBy", "Perú"),
                        Map.of("country", "EC", "attendance", "ABSENT"))));
        assertEquals(200, ok.statusCode(), ok.body().asString());
        long invited = Db.number("select count(*) from meeting_country where meeting_id = ?1", id);
        assertEquals(2, ok.jsonPath().getInt("countriesPresent"));
        assertEquals(invited, ok.jsonPath().getLong("countriesInvited"));
        assertEquals(1, ok.jsonPath().getInt("officialsPresent"));
        assertEquals("Perú", ok.jsonPath().getString("countries.find { it.country == 'CL' }.representedBy"));

        Response missing = Web.postJson(Persona.LEADER, path,
                Map.of("countries", List.of(Map.of("country", "EC", "attendance", "REPRESENTED"))));
        assertEquals(400, missing.statusCode());
        assertEquals("country-represented-EC", missing.jsonPath().getString("violations[0].field"));
        Response stranger = Web.postJson(Persona.LEADER, path,
                Map.of("officials", List.of(Map.of("memberId", Db.member("pf.argentina"), "attendance", "PRESENT"))));
        assertEquals(400, stranger.statusCode());
        assertEquals("ABSENT", Db.value("select attendance from meeting_country where meeting_id = ?1 and country_code = 'EC'", id));
    }

    @Test
    void membersReadTheListsInTheirLanguage() {
        long id = meeting();
        action(id, 1, "Informe", null, "PE", null);
        Object language = Db.value("select language from member where username = 'pf.peru'");
        try {
            Db.update("update member set language = 'pt' where username = 'pf.peru'");
            String pt = Persona.MEMBER.request().get(S + "/meetings/actions").then().statusCode(200).extract().asString();
            assertEquals("Compromissos das reuniões", Html.one(pt, "h1").text());
            assertTrue(rowWith(pt, "Informe").text().contains("Aberto"));
            Db.update("update member set language = 'en' where username = 'pf.peru'");
            String en = Persona.MEMBER.request().get("/meetings/actions").then().statusCode(200).extract().asString();
            assertEquals("My action items", Html.one(en, "h1").text());
            assertTrue(rowWith(en, "Informe").text().contains("Peru (country)"), rowWith(en, "Informe").text());
        } finally {
            if (language == null) {
                Db.update("update member set language = null where username = 'pf.peru'");
            } else {
                Db.update("update member set language = ?1 where username = 'pf.peru'", language);
            }
        }
    }

    private static Element rowWith(String html, String text) {
        return Html.all(html, "tr").stream().filter(tr -> tr.select("th[scope=row]").text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + text + " in:\n" + html));
    }
}
