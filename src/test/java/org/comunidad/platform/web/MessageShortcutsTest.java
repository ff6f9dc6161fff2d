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
 * unknown language to Spanish), with parameters too (a count); a value the message does not take is
 * left to Quarkus's resolver; and pages use it.
 */
@QuarkusTest
class MessageShortcutsTest {

    @Inject
    Engine engine;

    @Test
    void theTextsAreTheBundlesInTheLanguageQuarkusWouldPick() {
        String template = "{doc:nav}|{mtg:status(status)}|{doc:trash_lead(30)}|{msg:feed_comments(count)}";
        for (String[] c : new String[][] { { "es", "es" }, { "pt", "pt" }, { "en", "en" }, { "pt-BR", "pt" },
                { "en-GB", "en" }, { "fr", "es" } }) {
            DocMessages doc = c[1].equals("es") ? MessageBundles.get(DocMessages.class)
                    : MessageBundles.get(DocMessages.class, Localized.Literal.of(c[1]));
            AppMessages msg = c[1].equals("es") ? MessageBundles.get(AppMessages.class)
                    : MessageBundles.get(AppMessages.class, Localized.Literal.of(c[1]));
            MeetingMessages mtg = c[1].equals("es") ? MessageBundles.get(MeetingMessages.class)
                    : MessageBundles.get(MeetingMessages.class, Localized.Literal.of(c[1]));
            for (Meeting.Status status : Meeting.Status.values()) {
                long before = MessageShortcuts.answered();
                String rendered = engine.parse(template).instance().setLocale(Locale.forLanguageTag(c[0]))
                        .data("status", status).data("count", 7L).render();
                assertEquals(doc.nav() + "|" + mtg.status(status) + "|" + doc.trash_lead(30) + "|" + msg.feed_comments(7),
                        rendered, c[0]);
                assertEquals(before + 4, MessageShortcuts.answered(), "every lookup found by name");
            }
        }
        assertTrue(!MessageBundles.get(DocMessages.class).nav().equals(
                MessageBundles.get(DocMessages.class, Localized.Literal.of("pt")).nav())
                || !MessageBundles.get(MeetingMessages.class).status(Meeting.Status.values()[0]).equals(
                        MessageBundles.get(MeetingMessages.class, Localized.Literal.of("en")).status(Meeting.Status.values()[0])),
                "the languages differ, so a wrong pick would show");
    }

    /** A value of another type than the message's parameter is left to Quarkus's resolver. */
    @Test
    void valuesAreTakenOnlyAsTheParameterTakesThem() {
        assertEquals(3L, MessageShortcuts.Shortcut.fit(long.class, 3));
        assertEquals(3L, MessageShortcuts.Shortcut.fit(long.class, 3L));
        assertEquals(3, MessageShortcuts.Shortcut.fit(int.class, 3));
        assertEquals(MessageShortcuts.Shortcut.NO_FIT, MessageShortcuts.Shortcut.fit(int.class, 3L));
        assertEquals(MessageShortcuts.Shortcut.NO_FIT, MessageShortcuts.Shortcut.fit(long.class, "3"));
        assertEquals(MessageShortcuts.Shortcut.NO_FIT, MessageShortcuts.Shortcut.fit(long.class, null));
        assertEquals(MessageShortcuts.Shortcut.NO_FIT, MessageShortcuts.Shortcut.fit(String.class, 3));
        assertEquals(null, MessageShortcuts.Shortcut.fit(String.class, null));
        assertEquals("x", MessageShortcuts.Shortcut.fit(String.class, "x"));
        String rendered = engine.parse("{msg:feed_comments(count)}").instance().setLocale(Locale.ENGLISH)
                .data("count", 2).render();
        assertEquals(MessageBundles.get(AppMessages.class, Localized.Literal.of("en")).feed_comments(2), rendered,
                "an int for a long");
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
