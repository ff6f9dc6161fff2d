package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import jakarta.inject.Inject;

import org.comunidad.document.DocMessages;
import org.comunidad.meeting.Meeting;
import org.comunidad.meeting.MeetingMessages;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Templates' message lookups answered by {@link MessageShortcuts} give the texts Quarkus's own
 * resolver gives, in the language Quarkus would pick (a region falls back to its language, an
 * unknown language to Spanish); lookups it leaves alone (a count) still work; and pages use it.
 */
@QuarkusTest
class MessageShortcutsTest {

    @Inject
    Engine engine;

    @Test
    void theTextsAreTheBundlesInTheLanguageQuarkusWouldPick() {
        String template = "{doc:nav}|{mtg:status(status)}|{doc:trash_lead(30)}";
        for (String[] c : new String[][] { { "es", "es" }, { "pt", "pt" }, { "en", "en" }, { "pt-BR", "pt" },
                { "en-GB", "en" }, { "fr", "es" } }) {
            DocMessages doc = c[1].equals("es") ? MessageBundles.get(DocMessages.class)
                    : MessageBundles.get(DocMessages.class, Localized.Literal.of(c[1]));
            MeetingMessages mtg = c[1].equals("es") ? MessageBundles.get(MeetingMessages.class)
                    : MessageBundles.get(MeetingMessages.class, Localized.Literal.of(c[1]));
            for (Meeting.Status status : Meeting.Status.values()) {
                long before = MessageShortcuts.answered();
                String rendered = engine.parse(template).instance().setLocale(Locale.forLanguageTag(c[0]))
                        .data("status", status).render();
                assertEquals(doc.nav() + "|" + mtg.status(status) + "|" + doc.trash_lead(30), rendered, c[0]);
                assertEquals(before + 2, MessageShortcuts.answered(), "the name and the status from memory; the count not");
            }
        }
        assertTrue(!MessageBundles.get(DocMessages.class).nav().equals(
                MessageBundles.get(DocMessages.class, Localized.Literal.of("pt")).nav())
                || !MessageBundles.get(MeetingMessages.class).status(Meeting.Status.values()[0]).equals(
                        MessageBundles.get(MeetingMessages.class, Localized.Literal.of("en")).status(Meeting.Status.values()[0])),
                "the languages differ, so a wrong pick would show");
    }

    @Test
    void pagesLookTheirLabelsUpThroughIt() {
        long before = MessageShortcuts.answered();
        String page = Persona.MEMBER.request().header("Accept-Language", "en").get("/c/seguridad-asistencia-victimas/meetings")
                .then().statusCode(200).extract().asString();
        assertTrue(MessageShortcuts.answered() - before > 20, "labels of a page: " + (MessageShortcuts.answered() - before));
        assertTrue(page.contains("<html"), page);
    }
}
