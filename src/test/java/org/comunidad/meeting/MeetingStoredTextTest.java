package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.comunidad.platform.text.RichText;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A meeting's description and minutes are stored rendered when written (and removed with them), and
 * the meeting's page shows them as stored.
 */
@QuarkusTest
class MeetingStoredTextTest {

    static final String S = "/c/" + OutcomeTest.SLUG;

    @Inject
    RichText richText;

    @Test
    void descriptionAndMinutesAreStoredRenderedWhenWritten() {
        String description = "Revisar el **plan** <script>alert('d')</script>";
        long id = Web.create(Persona.LEADER, "/api/communities/" + Db.community(OutcomeTest.SLUG) + "/meetings",
                Map.of("title", "Reunión almacenada", "kind", "IN_PERSON", "date", LocalDate.now().plusDays(20).toString(),
                        "start", "10:00", "end", "11:00", "timeZone", "America/Lima", "venue", "PLACE",
                        "place", "Lima", "description", description));
        Object[] row = (Object[]) Db.value("select description_html, description_html_version from meeting where id = ?1", id);
        assertEquals(richText.html(description, Set.of()), row[0]);
        assertEquals(RichText.VERSION, ((Number) row[1]).intValue());
        assertFalse(((String) row[0]).contains("<script"), (String) row[0]);

        long past = OutcomeTest.meeting();
        String minutes = "Se aprobó el **plan sectorial**.";
        Web.form(Persona.LEADER, S + "/meetings/" + past + "/outcome/minutes", Map.of("minutes", minutes))
                .then().statusCode(303);
        row = (Object[]) Db.value("select minutes_html, minutes_html_version from meeting where id = ?1", past);
        assertEquals(richText.html(minutes, Set.of()), row[0]);
        assertEquals(RichText.VERSION, ((Number) row[1]).intValue());

        Db.update("update meeting set minutes_html = '<p>acta-almacenada-5521</p>' where id = ?1", past);
        String page = Persona.MEMBER.request().get(S + "/meetings/" + past).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p>acta-almacenada-5521</p>"), "the page shows the stored minutes");

        Web.form(Persona.LEADER, S + "/meetings/" + past + "/outcome/minutes", Map.of("minutes", " "))
                .then().statusCode(303);
        assertNull(Db.value("select minutes_html from meeting where id = ?1", past), "no minutes, no HTML");
    }
}
