package org.comunidad.presidency;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The rotation of the pro tempore presidency. The demo has Chile presiding since
 * 22 March 2019 and Colombia planned next; the test gives Colombia a focal point in every
 * working group (Security has pf.colombia) and Energy a coordinator of its own, previews
 * the rotation to Colombia, confirms it, and finds coordination moved in every group, the
 * old coordinators without it, the troika and the audit log saying so, and both sides
 * notified. A preview gone stale is shown again instead of applied; bad input comes back
 * with its message and what was typed. Only the forum admin gets anywhere. Every test
 * leaves the presidencies, coordinators and members as it found them.
 */
@QuarkusTest
class PresidencyRotationTest extends WithAccessMatrix {

    static final String COLOMBIA_SUBJECT = "00000000-0000-4000-a000-000000000008";
    static final String COORDINATOR_SUBJECT = "00000000-0000-4000-a000-000000000002";

    @jakarta.inject.Inject
    org.comunidad.member.KeycloakAccounts accounts;

    static final String ROTATION = "/presidency/rotation";
    static final String DEMO_DATE = "2020-12-12";
    static final Pattern PREVIEWED = Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"");

    @Inject
    EntityManager em;

    /** The presidencies and the coordinators as they are, to put back after a test. */
    record Snapshot(String presidencies, String coordinators) {
    }

    static Snapshot snapshot() {
        return Db.call(em -> new Snapshot(
                (String) em.createNativeQuery("select coalesce(json_agg(p), '[]')::text from presidency p")
                        .getSingleResult(),
                (String) em.createNativeQuery(
                        "select coalesce(json_agg(m), '[]')::text from membership m where role = 'COORDINATOR'")
                        .getSingleResult()));
    }

    static void restore(Snapshot snapshot) {
        Db.run(em -> {
            em.createNativeQuery("delete from presidency").executeUpdate();
            em.createNativeQuery("insert into presidency select * from json_populate_recordset(null::presidency, cast(?1 as json))")
                    .setParameter(1, snapshot.presidencies()).executeUpdate();
            em.createNativeQuery("delete from membership where role = 'COORDINATOR'").executeUpdate();
            em.createNativeQuery("insert into membership select * from json_populate_recordset(null::membership, cast(?1 as json))")
                    .setParameter(1, snapshot.coordinators()).executeUpdate();
            em.createNativeQuery("delete from notification where event_key like 'rotation:%'").executeUpdate();
            em.createNativeQuery("delete from member where subject like 'rotation-test-%'").executeUpdate();
        });
    }

    /**
     * Colombia gets a focal point in every working group where it has none (new officials),
     * and Energy gets a Chilean coordinator: two coordinators to lose their role.
     */
    void giveColombiaAFocalPointEverywhere() {
        @SuppressWarnings("unchecked")
        List<Object[]> groups = Db.call(em -> em.createNativeQuery("""
                select g.slug, g.name_es from community g where g.kind = 'GROUP' and not exists (select 1 from membership f
                    where f.community_id = g.id and f.role = 'FOCAL_POINT' and f.country_code = 'CO')""").getResultList());
        for (Object[] group : groups) {
            String slug = (String) group[0];
            Members.create("rotation-test-co-" + slug).username("rotation.co." + slug).email("co." + slug + "@example.org")
                    .name("Punto focal de Colombia en " + group[1]).country("CO").in(slug, "FOCAL_POINT").save();
        }
        Members.create("rotation-test-cl-energia").username("rotation.cl.energia").email("cl.energia@example.org")
                .name("Coordinadora chilena de Energía").country("CL")
                .in("energia", "COORDINATOR").in("energia", "FOCAL_POINT").save();
    }

    @Test
    void coordinationMovesToTheNewPresidencysFocalPointsInEveryGroupAndTheLogSaysSo() {
        assertFalse(accounts.realmRoles(COLOMBIA_SUBJECT).contains("coordinator"), "pf.colombia is a plain member");
        Snapshot before = snapshot();
        long lastAudit = count("select coalesce(max(id), 0) from audit_log");
        try {
            giveColombiaAFocalPointEverywhere();
            long groups = count("select count(*) from community where kind = 'GROUP'");
            assertEquals(groups, count("""
                    select count(*) from community g join membership f on f.community_id = g.id
                    where g.kind = 'GROUP' and f.role = 'FOCAL_POINT' and f.country_code = 'CO'"""),
                    "Colombia has a focal point in every working group");

            String page = Persona.ADMIN.request().get("/presidency").then().statusCode(200).extract().asString();
            assertEquals("Colombia", Html.selectedOption(page, "#rotation-country", "CO"),
                    "the rotation form starts from the planned presidency");

            Response preview = Persona.ADMIN.request().get(ROTATION + "?country=CO&startsOn=" + DEMO_DATE);
            assertEquals(200, preview.statusCode(), preview.body().asString());
            String shown = preview.body().asString();
            assertTrue(shown.contains("La coordinación cambia en " + groups + " de " + groups + " grupos de trabajo."), shown);
            assertTrue(shown.contains("Andrés Muñoz (CL)"), "the coordinator of Security loses it: " + shown);
            assertTrue(shown.contains("<strong>Camila Restrepo</strong>"), "Colombia's focal point in Security gains it");
            assertTrue(shown.contains("Coordinadora chilena de Energía (CL)"), shown);
            assertTrue(shown.contains("La presidencia prevista de Colombia pasa a ser la actual."), shown);
            assertEquals(1L, count("""
                    select count(*) from membership ms join community c on c.id = ms.community_id
                    join member m on m.id = ms.member_id
                    where c.slug = 'seguridad' and ms.role = 'COORDINATOR' and m.username = 'coord.seguridad'"""),
                    "the preview changes nothing");

            Response confirmed = Web.form(Persona.ADMIN, ROTATION,
                    Map.of("country", "CO", "startsOn", DEMO_DATE, "previewed", previewed(shown)));
            assertEquals(303, confirmed.statusCode(), confirmed.body().asString());
            assertTrue(confirmed.header("Location").endsWith("/presidency?done=rotated"));

            assertEquals(groups, count("""
                    select count(*) from community g
                    join membership c on c.community_id = g.id and c.role = 'COORDINATOR'
                    join membership f on f.community_id = g.id and f.role = 'FOCAL_POINT' and f.country_code = 'CO'
                        and f.member_id = c.member_id
                    where g.kind = 'GROUP' and c.country_code = 'CO'"""),
                    "every working group is coordinated by Colombia's focal point");
            assertEquals(0L, count("""
                    select count(*) from membership ms join member m on m.id = ms.member_id
                    where ms.role = 'COORDINATOR' and m.username in ('coord.seguridad', 'rotation.cl.energia')"""),
                    "the old coordinators lost coordination");
            assertEquals(1L, count("""
                    select count(*) from membership ms join member m on m.id = ms.member_id join community c on c.id = ms.community_id
                    where m.username = 'coord.seguridad' and c.slug = 'seguridad' and ms.role = 'FOCAL_POINT'"""),
                    "and stay Chile's focal points");
            assertEquals(1L, count("select count(*) from presidency where status = 'HELD' and country_code = 'CO' "
                    + "and starts_on = date '" + DEMO_DATE + "' and recorded_by is not null"));
            assertEquals(0L, count("select count(*) from presidency where status = 'PLANNED'"),
                    "the planned presidency took office");

            assertEquals(groups, count("select count(*) from audit_log where id > " + lastAudit
                    + " and action = 'COORDINATOR_ROTATE'"), "one audit entry per group");
            assertEquals(1L, count("select count(*) from audit_log where id > " + lastAudit
                    + " and action = 'PRESIDENCY_RECORD' and target_type = 'presidency'"));
            String log = Persona.ADMIN.request().get("/audit?action=COORDINATOR_ROTATE").then().statusCode(200)
                    .extract().asString();
            assertTrue(log.contains("Traspasó la coordinación sectorial"), log);
            assertTrue(log.contains("coordination from Andrés Muñoz (CL) to Camila Restrepo (CO); presidency CO from "
                    + DEMO_DATE), log);
            String groupLog = Persona.ADMIN.request().get("/c/energia/audit").then().statusCode(200).extract().asString();
            assertTrue(groupLog.contains("coordination from Coordinadora chilena de Energía (CL) to Punto focal de Colombia"),
                    "the group's own log has its change: " + groupLog);

            assertTrue(Persona.GROUP_MEMBER.request().get("/notifications").body().asString()
                    .contains("Ahora coordina este grupo de trabajo"), "pf.colombia is told they coordinate");
            assertTrue(accounts.realmRoles(COLOMBIA_SUBJECT).contains("coordinator"),
                    "and holds the realm role that lets the community role take effect");
            assertFalse(accounts.realmRoles(COORDINATOR_SUBJECT).contains("coordinator"),
                    "coord.seguridad coordinates no group any more: the realm role is taken back");
            assertTrue(accounts.realmRoles(COORDINATOR_SUBJECT).contains("leader"),
                    "but still leads a subgroup of Security");
            String lost = Persona.COORDINATOR.request().get("/notifications").body().asString();
            assertTrue(lost.contains("Dejó de coordinar este grupo de trabajo"), lost);
            assertTrue(lost.contains("Colombia ejerce la presidencia pro tempore desde el 12 de diciembre de 2020."), lost);

            assertEquals(303, Web.form(Persona.ADMIN, "/presidency/next",
                    Map.of("country", "PY", "startsOn", "2022-01-15")).statusCode());
            assertEquals(1L, count("select count(*) from audit_log where id > " + lastAudit
                    + " and action = 'PRESIDENCY_PLAN' and community_id is null and detail = 'PY from 2022-01-15'"));
            String troika = troika(Persona.ADMIN.request().get("/presidency?done=planned").then().statusCode(200)
                    .extract().asString());
            assertTrue(troika.matches("(?s).*Anterior</dt>\\s*<dd><strong>Chile</strong> <span class=\"muted\">"
                    + "del 22 de marzo de 2019 al 12 de diciembre de 2020</span>.*"), troika);
            assertTrue(troika.matches("(?s).*Actual</dt>\\s*<dd><strong>Colombia</strong> <span class=\"muted\">"
                    + "desde el 12 de diciembre de 2020</span>.*"), troika);
            assertTrue(troika.matches("(?s).*Próxima</dt>\\s*<dd><strong>Paraguay</strong> <span class=\"muted\">"
                    + "prevista desde el 15 de enero de 2022</span>.*"), troika);

            String mine = Persona.MEMBER.request().get("/communities").then().statusCode(200).extract().asString();
            assertEquals(troika, troika(mine), "every member sees the same troika");
            assertFalse(mine.contains("href=\"/presidency\""), "read-only for members");
        } finally {
            restore(before);
            accounts.revokeRealmRole(COLOMBIA_SUBJECT, "coordinator");
            accounts.grantRealmRole(COORDINATOR_SUBJECT, "coordinator");
        }
        assertEquals(1L, count("""
                select count(*) from membership ms join member m on m.id = ms.member_id join community c on c.id = ms.community_id
                where m.username = 'coord.seguridad' and c.slug = 'seguridad' and ms.role = 'COORDINATOR'"""), "restored");
    }

    @Test
    void aPreviewThatWentStaleIsShownAgainInsteadOfApplied() {
        Snapshot before = snapshot();
        try {
            giveColombiaAFocalPointEverywhere();
            String first = previewed(Persona.ADMIN.request().get(ROTATION + "?country=CO&startsOn=" + DEMO_DATE)
                    .then().statusCode(200).extract().asString());
            // Meanwhile Colombia's focal point in Defense is removed: Defense would keep its coordination.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    delete from membership where role = 'FOCAL_POINT' and country_code = 'CO'
                    and community_id = (select id from community where slug = 'defensa')""").executeUpdate());

            Response stale = Web.form(Persona.ADMIN, ROTATION, Map.of("country", "CO", "startsOn", DEMO_DATE,
                    "previewed", first));
            assertEquals(409, stale.statusCode());
            String again = stale.body().asString();
            assertTrue(again.contains("La situación cambió desde la vista previa"), again);
            assertTrue(again.contains("Sin cambios: el país no tiene punto focal en este grupo"), again);
            String second = previewed(again);
            assertNotEquals(first, second);
            assertEquals(0L, count("select count(*) from presidency where country_code = 'CO' and status = 'HELD'"),
                    "nothing applied");
            assertEquals(1L, count("""
                    select count(*) from membership ms join member m on m.id = ms.member_id
                    where ms.role = 'COORDINATOR' and m.username = 'coord.seguridad'"""), "nothing applied");

            // The next presidency is recorded meanwhile: stale again.
            assertEquals(303, Web.form(Persona.ADMIN, "/presidency/next", Map.of("country", "CO", "startsOn", DEMO_DATE))
                    .statusCode());
            assertEquals(409, Web.form(Persona.ADMIN, ROTATION, Map.of("country", "CO", "startsOn", DEMO_DATE,
                    "previewed", second)).statusCode());
            assertEquals(409, Web.form(Persona.ADMIN, ROTATION, Map.of("country", "CO", "startsOn", DEMO_DATE))
                    .statusCode(), "a confirmation without its preview is a stale one");
            assertEquals(0L, count("select count(*) from presidency where country_code = 'CO' and status = 'HELD'"));
        } finally {
            restore(before);
        }
    }

    @Test
    void aCountryWithoutFocalPointsLeavesCoordinationAsItIs() {
        String preview = Persona.ADMIN.request().get(ROTATION + "?country=EC&startsOn=" + DEMO_DATE).then()
                .statusCode(200).extract().asString();
        long groups = count("select count(*) from community where kind = 'GROUP'");
        assertTrue(preview.contains("La coordinación cambia en 0 de " + groups + " grupos de trabajo."), preview);
        assertTrue(preview.contains("Sigue coordinando: Andrés Muñoz"), preview);
        assertTrue(preview.contains("La presidencia prevista de Colombia se borra"), preview);
        assertFalse(preview.contains("<td><strong>"), "nobody gains coordination");
    }

    @Test
    void badInputComesBackWithItsMessageAndWhatWasTyped() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("country=&startsOn=" + DEMO_DATE, "Elija el país.");
        cases.put("country=XX&startsOn=" + DEMO_DATE, "Elija uno de los países miembros del foro.");
        cases.put("country=UY&startsOn=" + DEMO_DATE, "Elija uno de los países miembros del foro.");
        cases.put("country=CL&startsOn=" + DEMO_DATE, "Ese país ya ejerce la presidencia.");
        cases.put("country=CO&startsOn=", "Indique la fecha.");
        cases.put("country=CO&startsOn=12/12/2020", "Escriba una fecha válida (aaaa-mm-dd).");
        cases.put("country=CO&startsOn=2020-13-45", "Escriba una fecha válida (aaaa-mm-dd).");
        cases.put("country=CO&startsOn=2019-03-22", "La fecha debe ser posterior al inicio de la presidencia actual.");
        cases.put("country=CO&startsOn=" + today.plusDays(2), "la fecha no puede ser posterior a hoy");
        cases.forEach((query, message) -> {
            Response response = Persona.ADMIN.request().get(ROTATION + "?" + query);
            assertEquals(400, response.statusCode(), query);
            String page = response.body().asString();
            assertTrue(page.contains(message), query + ": " + page);
            String date = query.substring(query.indexOf("startsOn=") + 9);
            assertDateField(page, "rotation-startsOn", date, query + ": the date typed is kept");
        });
        assertEquals("Chile", Html.selectedOption(Persona.ADMIN.request().get(ROTATION + "?country=CL&startsOn=" + DEMO_DATE)
                .body().asString(), "#rotation-country", "CL"), "the country chosen is kept");

        Response confirm = Web.form(Persona.ADMIN, ROTATION, Map.of("country", "CO", "startsOn", "mañana",
                "previewed", "x"));
        assertEquals(400, confirm.statusCode());
        assertTrue(confirm.body().asString().contains("Escriba una fecha válida"));

        Response next = Web.form(Persona.ADMIN, "/presidency/next", Map.of("country", "CL", "startsOn", "2019-01-01"));
        assertEquals(400, next.statusCode());
        String page = next.body().asString();
        assertTrue(page.contains("Ese país ya ejerce la presidencia."), page);
        assertTrue(page.contains("La fecha debe ser posterior al inicio de la presidencia actual."), page);
        assertDateField(page, "next-startsOn", "2019-01-01", "the date typed is kept");
        assertEquals(0L, count("select count(*) from presidency where country_code = 'CL' and status = 'PLANNED'"));

        long admin = count("select id from member where username = 'admin.prosur'");
        String language = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select language from member where id = ?1").setParameter(1, admin).getSingleResult());
        try {
            setLanguage(admin, "en");
            String english = Persona.ADMIN.request().get(ROTATION + "?country=&startsOn=" + DEMO_DATE).body().asString();
            assertTrue(english.contains("Choose the country."), english);
            setLanguage(admin, "pt");
            assertTrue(Persona.ADMIN.request().get(ROTATION + "?country=CO&startsOn=2020-02-30").body().asString()
                    .contains("Digite uma data válida (aaaa-mm-dd)."));
        } finally {
            setLanguage(admin, language);
        }
    }

    void setLanguage(long member, String language) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update member set language = ?2 where id = ?1")
                .setParameter(1, member).setParameter(2, language == null ? "es" : language).executeUpdate());
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> adminOnly = expect(200, 404, 404, 404, 404, 404, SIGN_IN);
        return AccessMatrix.of("presidency")
                .get("/presidency").expect(adminOnly)
                .get(ROTATION + "?country=CO&startsOn=" + DEMO_DATE).named("GET preview").expect(adminOnly)
                .form(ROTATION, Map.of("country", "CO", "startsOn", DEMO_DATE, "previewed", "stale"))
                        .named("POST confirm (stale)").expect(409, 404, 404, 404, 404, 404, SIGN_IN)
                .form("/presidency/next", Map.of("country", "PY", "startsOn", "2022-01-15"))
                        .given("before", PresidencyRotationTest::snapshot)
                        .after(v -> restore((Snapshot) v.get("before")))
                        .expect(303, 404, 404, 404, 404, 404, SIGN_IN);
    }

    /** The date field with this id keeps the date typed. */
    static void assertDateField(String page, String id, String date, String why) {
        org.jsoup.nodes.Element field = Html.one(page, "input#" + id);
        assertEquals(List.of("startsOn", "date", date), List.of(field.attr("name"), field.attr("type"), field.attr("value")),
                why);
    }

    static String previewed(String page) {
        Matcher matcher = PREVIEWED.matcher(page);
        assertTrue(matcher.find(), "the confirmation carries what was previewed: " + page);
        return matcher.group(1);
    }

    /** The troika's markup on a page. */
    static String troika(String page) {
        int start = page.indexOf("<dl class=\"troika\">");
        assertTrue(start >= 0, "no troika on the page: " + page);
        return page.substring(start, page.indexOf("</dl>", start) + 5);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
