package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The profile: a member edits their contact data, which lands in their Keycloak attributes
 * and in the directory; language and time zone; email preferences. Bad input is explained
 * and kept. A token issued before the change does not bring the old data back.
 */
@QuarkusTest
class ProfileTest extends WithAccessMatrix {

    @Inject
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    org.keycloak.admin.client.Keycloak keycloak;

    static final String COLOMBIA_SUBJECT = "00000000-0000-4000-a000-000000000008";

    static AccessMatrix matrix() {
        return AccessMatrix.of("profile")
                .get("/profile").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .form("/profile", Map.of("phone", "llámame", "language", "es", "timeZone", "America/Lima"))
                        .named("POST profile (invalid)").expect(400, 400, 400, 400, 400, 400, SIGN_IN)
                .form("/profile/email", Map.of()).named("POST email preferences (unchanged)")
                        .expect(303, 303, 303, 303, 303, 303, SIGN_IN);
    }

    @Test
    void contactDataGoesToKeycloakAndTheDirectory() {
        Map<String, String> fields = new HashMap<>();
        fields.put("phone", "+57 601 381 4000");
        fields.put("language", "pt");
        fields.put("timeZone", "America/Bogota");
        try {
            // A token issued now, before the change, carries the old attributes.
            Persona.GROUP_MEMBER.request().get("/profile");
            Response saved = Web.form(Persona.GROUP_MEMBER, "/profile", fields);
            assertEquals(303, saved.statusCode());
            Map<String, List<String>> attributes = accounts.attributes(COLOMBIA_SUBJECT);
            assertEquals(List.of("+57 601 381 4000"), attributes.get("phone"));
            assertEquals(List.of("pt-BR"), attributes.get("locale"));

            String page = Persona.GROUP_MEMBER.request().get("/profile").body().asString();
            assertEquals("+57 601 381 4000", Html.field(page, "phone"), "the old token did not bring the old phone back");
            assertTrue(page.contains("Meu perfil"), "the page is now in Portuguese");
            String directory = Persona.COORDINATOR.request().get("/c/seguridad/members").body().asString();
            assertTrue(directory.contains("tel:+57 601 381 4000"), "the phone is in the directory");
            String csv = Persona.COORDINATOR.request().get("/c/seguridad/members.csv").body().asString();
            assertTrue(csv.contains("+57 601 381 4000"));
        } finally {
            Map<String, String> original = new HashMap<>();
            original.put("phone", "");
            original.put("language", "es");
            original.put("timeZone", "America/Bogota");
            assertEquals(303, Web.form(Persona.GROUP_MEMBER, "/profile", original).statusCode());
        }
        assertEquals(null, accounts.attributes(COLOMBIA_SUBJECT).get("phone"));
    }

    /**
     * Institution and position are the administrators' in the realm (its user profile lets
     * only admin edit them): the profile shows them, offers no field for them, and a form that
     * still sends them changes them neither in Keycloak nor here.
     */
    @Test
    void institutionAndPositionAreNotTheMembersToWrite() {
        String page = Persona.GROUP_MEMBER.request().get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Ministerio de Defensa Nacional"), "shown: " + page);
        assertTrue(Html.all(page, "[name=institution]").isEmpty(), "no field for the institution");
        assertTrue(Html.all(page, "[name=position]").isEmpty(), "no field for the position");

        Map<String, String> forged = new HashMap<>();
        forged.put("phone", "");
        forged.put("institution", "Cancillería de Colombia");
        forged.put("position", "Ministra");
        forged.put("language", "es");
        forged.put("timeZone", "America/Bogota");
        assertEquals(303, Web.form(Persona.GROUP_MEMBER, "/profile", forged).statusCode());

        Map<String, List<String>> attributes = accounts.attributes(COLOMBIA_SUBJECT);
        assertEquals(List.of("Ministerio de Defensa Nacional"), attributes.get("institution"), "Keycloak unchanged");
        assertEquals(List.of("Asesora de Asuntos Internacionales"), attributes.get("position"));
        @SuppressWarnings("unchecked")
        List<Object[]> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select institution, position from member where username = 'pf.colombia'").getResultList());
        assertEquals("Ministerio de Defensa Nacional", stored.get(0)[0], "the member row unchanged");
        assertEquals("Asesora de Asuntos Internacionales", stored.get(0)[1]);
        assertFalse(Persona.COORDINATOR.request().get("/c/seguridad/members").body().asString().contains("Ministra"),
                "nor the directory");
    }

    @Test
    void theRealmLetsOnlyAdministratorsEditInstitutionAndPosition() {
        org.keycloak.representations.userprofile.config.UPConfig config = keycloak
                .realm(org.comunidad.testsupport.KeycloakServer.REALM).users().userProfile().getConfiguration();
        for (String attribute : List.of("country", "institution", "position")) {
            assertEquals(java.util.Set.of("admin"), config.getAttribute(attribute).getPermissions().getEdit(),
                    attribute + ": Keycloak's account console does not let the member change it either");
        }
    }

    @Test
    void badInputIsExplainedAndKept() {
        Response bad = Web.form(Persona.GROUP_MEMBER, "/profile", Map.of("phone", "llámame al celular",
                "institution", "Cancillería", "language", "xx", "timeZone", "Marte/Olimpo"));
        assertEquals(400, bad.statusCode());
        String html = bad.body().asString();
        assertTrue(html.contains("Escriba el teléfono solo con números"), html);
        assertTrue(html.contains("Elija una zona horaria de la lista."));
        assertEquals("llámame al celular", Html.field(html, "phone"), "the form keeps what was typed");
        assertEquals("Ministerio de Defensa Nacional", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select institution from member where username = 'pf.colombia'").getSingleResult()), "nothing saved");
    }

    @Test
    void emailPreferencesAreSaved() {
        try {
            assertEquals(303, Web.form(Persona.GROUP_MEMBER, "/profile/email",
                    Map.of("channel.MENTION", "DIGEST", "channel.JOIN_APPROVED", "NONE")).statusCode());
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select s.kind, s.channel from notification_setting s join member m on m.id = s.member_id
                    where m.username = 'pf.colombia' order by s.kind""").getResultList());
            assertEquals(3, rows.size(), "a join decision is one choice for approved and declined");
            assertEquals("JOIN_APPROVED", rows.get(0)[0]);
            assertEquals("NONE", rows.get(0)[1]);
            assertEquals("JOIN_DECLINED", rows.get(1)[0]);
            assertEquals("NONE", rows.get(1)[1]);
            assertEquals("DIGEST", rows.get(2)[1]);
            assertTrue(Html.one(Persona.GROUP_MEMBER.request().get("/profile").body().asString(),
                    "input[name=\"channel.MENTION\"][value=DIGEST]").hasAttr("checked"));
            assertEquals(400, Web.form(Persona.GROUP_MEMBER, "/profile/email", Map.of("channel.MENTION", "LOUDLY"))
                    .statusCode());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    delete from notification_setting where member_id = (select id from member where username = 'pf.colombia')""")
                    .executeUpdate());
        }
    }
}
