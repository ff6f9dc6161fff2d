package org.comunidad.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A closed discussion is frozen for its author: the opening text can no longer be
 * edited (no form on the page, the POST refused with the reason in the author's
 * language; the API's canEdit says so), while the leader's moderation (pin, reopen) stays.
 * Reopening gives the author the edit back.
 */
@QuarkusTest
class ClosedDiscussionTest {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG + "/discussions";

    @Test
    void theAuthorCannotEditTheOpeningOfAClosedDiscussion() {
        String api = "/api/communities/" + ConversationBehaviourTest.id(SLUG) + "/discussions";
        long d = Web.create(Persona.LEADER, api, Map.of("title", "Ruta de derivación", "agendaTopic", "Punto 4",
                "opening", "Texto de apertura original"));
        String editForm = "action=\"" + S + "/" + d + "/edit\"";
        assertTrue(page(d).contains(editForm), "while open, the author is offered the edit form");

        Web.form(Persona.LEADER, S + "/" + d + "/close", Map.of("conclusion", "Se adopta la ruta.")).then()
                .statusCode(303);

        Response refused = edit(d, "Texto de apertura cambiado después del cierre");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().asString().contains("Este debate está cerrado"), refused.body().asString());
        assertEquals("Texto de apertura original", opening(d), "the opening was not changed");
        assertFalse(page(d).contains(editForm), "no edit form on a closed discussion");
        assertEquals(Boolean.FALSE, Persona.LEADER.request().get(api + "/" + d).jsonPath().get("canEdit"),
                "the API tells the author the opening can no longer be edited");

        // In the author's own language.
        Db.update("update member set language = 'en' where username = 'lider.victimas'");
        try {
            Response english = edit(d, "Changed after closing");
            assertEquals(403, english.statusCode());
            assertTrue(english.body().asString().contains("This discussion is closed"), english.body().asString());
        } finally {
            Db.update("update member set language = 'es' where username = 'lider.victimas'");
        }
        assertEquals("Texto de apertura original", opening(d));

        // Moderation stays as it was: the leader pins and reopens; reopened, the author edits again.
        Web.form(Persona.LEADER, S + "/" + d + "/pin", Map.of("pinned", "true")).then().statusCode(303);
        Web.form(Persona.LEADER, S + "/" + d + "/reopen", Map.of()).then().statusCode(303);
        assertTrue(page(d).contains(editForm));
        assertEquals(Boolean.TRUE, Persona.LEADER.request().get(api + "/" + d).jsonPath().get("canEdit"));
        assertEquals(303, edit(d, "Texto revisado tras reabrir").statusCode());
        assertEquals("Texto revisado tras reabrir", opening(d));
    }

    private static String page(long d) {
        return Persona.LEADER.request().get(S + "/" + d).then().statusCode(200).extract().asString();
    }

    private static Response edit(long d, String opening) {
        return Web.form(Persona.LEADER, S + "/" + d + "/edit", Map.of("title", "Ruta de derivación",
                "agendaTopic", "Punto 4", "opening", opening));
    }

    private static String opening(long d) {
        return (String) Db.value("select opening from discussion where id = ?1", d);
    }
}
