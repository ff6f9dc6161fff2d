package org.comunidad.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Members' texts are rendered once, when written: the stored HTML is what the renderer gives for the
 * source (at creation and after an edit), pages show the stored HTML as it is (no rendering on read),
 * a row of an older renderer version is shown rendered on read and then re-rendered by the job, and
 * nothing scriptable is ever stored or shown.
 */
@QuarkusTest
class StoredRenderingTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SUBGROUP;

    /** Markdown with a mention of a group member, a table, a link, raw HTML and a script. */
    static final String MARKDOWN = """
            ### Informe de @pf.colombia

            | país | votos |
            |:-----|------:|
            | Perú | 3 |

            Ver [la guía](https://example.org/guia) y <b>esto</b> <script>alert('xss-stored')</script>
            [clic](javascript:alert('xss-link'))""";

    @Inject
    RichText richText;

    @Inject
    StoredRendering rendering;

    @Inject
    org.comunidad.testsupport.SqlStatements sql;

    @Test
    void postsAndCommentsAreStoredRenderedWhenWrittenAndWhenEdited() {
        long post = Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", MARKDOWN));
        Stored stored = stored("post", "body", post);
        assertEquals(richText.html(MARKDOWN, Set.of("pf.colombia")), stored.html());
        assertEquals(RichText.VERSION, stored.version());
        assertTrue(stored.html().contains("<span class=\"mention\">&#64;pf.colombia</span>"), stored.html());
        assertTrue(stored.html().contains("<table>"), stored.html());
        assertSafe(stored.html());

        Web.form(Persona.MEMBER, S + "/posts/" + post + "/edit", Map.of("body", "Segunda *versión* sin menciones"))
                .then().statusCode(303);
        stored = stored("post", "body", post);
        assertEquals("<p>Segunda <em>versión</em> sin menciones</p>\n", stored.html());
        assertEquals(richText.html("Segunda *versión* sin menciones", Set.of()), stored.html());
        assertEquals(RichText.VERSION, stored.version());

        long comment = Web.create(Persona.LEADER, api() + "/posts/" + post + "/comments",
                Map.of("body", "Gracias @pf.colombia, **de acuerdo**"));
        stored = stored("post_comment", "body", comment);
        assertEquals(richText.html("Gracias @pf.colombia, **de acuerdo**", Set.of("pf.colombia")), stored.html());
        Web.form(Persona.LEADER, S + "/posts/" + post + "/comments/" + comment + "/edit",
                Map.of("body", "Corrijo: _en desacuerdo_")).then().statusCode(303);
        assertEquals(richText.html("Corrijo: _en desacuerdo_", Set.of()), stored("post_comment", "body", comment).html());
    }

    @Test
    void discussionsRepliesConclusionsAndNewsAreStoredRendered() {
        long d = Web.create(Persona.LEADER, api() + "/discussions",
                Map.of("title", "Protocolo almacenado", "agendaTopic", "Punto 3", "opening", MARKDOWN));
        assertEquals(richText.html(MARKDOWN, Set.of("pf.colombia")), stored("discussion", "opening", d).html());
        Web.form(Persona.LEADER, S + "/discussions/" + d + "/edit", Map.of("title", "Protocolo almacenado",
                "agendaTopic", "Punto 3", "opening", "Propuesta **revisada**")).then().statusCode(303);
        assertEquals(richText.html("Propuesta **revisada**", Set.of()), stored("discussion", "opening", d).html());

        long reply = Web.create(Persona.MEMBER, api() + "/discussions/" + d + "/replies",
                Map.of("body", "Perú *apoya*"));
        assertEquals(richText.html("Perú *apoya*", Set.of()), stored("discussion_reply", "body", reply).html());
        Web.form(Persona.MEMBER, S + "/discussions/" + d + "/replies/" + reply + "/edit",
                Map.of("body", "Perú **apoya** con reservas")).then().statusCode(303);
        assertEquals(richText.html("Perú **apoya** con reservas", Set.of()),
                stored("discussion_reply", "body", reply).html());

        assertNull(stored("discussion", "conclusion", d).html(), "no conclusion yet, nothing stored");
        Web.form(Persona.LEADER, S + "/discussions/" + d + "/close", Map.of("conclusion", "Se **aprueba**."))
                .then().statusCode(303);
        Stored conclusion = stored("discussion", "conclusion", d);
        assertEquals("<p>Se <strong>aprueba</strong>.</p>\n", conclusion.html());
        assertEquals(RichText.VERSION, conclusion.version());

        long news = Web.create(Persona.MEMBER, "/api/communities/" + Db.community("seguridad") + "/news",
                Map.of("title", "Novedad almacenada", "body", MARKDOWN));
        // A news item's page never highlighted mentions: stored without them.
        assertEquals(richText.html(MARKDOWN, Set.of()), stored("news_item", "body", news).html());
        assertSafe(stored("news_item", "body", news).html());
    }

    @Test
    void thePageShowsTheStoredHtmlWithoutRenderingAgain() {
        long post = Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", "Texto **original** visible"));
        // Other HTML in the column, with the current version: the page must show it as stored.
        Db.update("update post set body_html = '<p>marca-almacenada-7731</p>' where id = ?1", post);
        for (String path : List.of(S + "/posts/" + post, S + "/posts", "/c/seguridad/feed")) {
            String page = Persona.GROUP_MEMBER.request().get(path).then().statusCode(200).extract().asString();
            assertTrue(page.contains("<p>marca-almacenada-7731</p>"), path + " shows the stored HTML");
            assertFalse(page.contains("<strong>original</strong>"), path + " did not render the source again");
        }
    }

    @Test
    void staleRowsAreRenderedOnReadUntilTheJobReRendersThem() {
        long old = Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", "Hola @pf.colombia, texto **viejo**"));
        long never = Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", "Escrito _antes_ de la V15"));
        // An older renderer's output, and a row written before stored rendering (as after the migration).
        Db.update("update post set body_html = '<p>salida-del-renderizador-anterior</p>', body_html_version = ?1 "
                + "where id = ?2", RichText.VERSION - 1, old);
        Db.update("update post set body_html = null, body_html_version = null where id = ?1", never);

        String page = Persona.GROUP_MEMBER.request().get(S + "/posts").then().statusCode(200).extract().asString();
        assertFalse(page.contains("salida-del-renderizador-anterior"), "an old version is not shown");
        assertTrue(page.contains("Hola <span class=\"mention\">&#64;pf.colombia</span>, texto <strong>viejo</strong>"),
                "rendered on read, mention included");
        assertTrue(page.contains("Escrito <em>antes</em> de la V15"), "no raw Markdown before re-rendering");

        // The job (or the scheduled run, if it got there first) re-renders both with the current version.
        renderAll();
        Stored o = stored("post", "body", old);
        assertEquals(richText.html("Hola @pf.colombia, texto **viejo**", Set.of("pf.colombia")), o.html());
        assertEquals(RichText.VERSION, o.version());
        Stored n = stored("post", "body", never);
        assertEquals(richText.html("Escrito _antes_ de la V15", Set.of()), n.html());
        assertEquals(RichText.VERSION, n.version());
        assertEquals(0, Db.number("select count(*) from post where body_html_version is distinct from ?1",
                RichText.VERSION), "no stale post left");
    }

    @Test
    void everyStoredColumnIsRenderedByTheJob() {
        List<String> columns = rendering.columns().stream().map(c -> c.table() + "." + c.source()).sorted().toList();
        assertEquals(List.of("discussion.conclusion", "discussion.opening", "discussion_reply.body", "meeting.description",
                "meeting.minutes", "news_item.body", "post.body", "post_comment.body"), columns);
        // Demo data is written by SQL at start: after the job, none of it is stale.
        renderAll();
        for (StoredText.Column c : rendering.columns()) {
            assertEquals(0, Db.number("select count(*) from " + c.table() + " where " + c.source() + " is not null and ("
                    + c.html() + " is null or " + c.version() + " is distinct from ?1)", RichText.VERSION),
                    c.table() + "." + c.source() + " has rows not rendered");
        }
    }

    /**
     * Stored HTML saves the page a statement: the mentions of the texts on a page are read only for texts
     * not yet re-rendered. The feed, a subgroup's posts and a discussion, with every text stale (as after
     * the migration) and then re-rendered: one statement fewer each, never more.
     */
    @Test
    void pagesOfStoredTextsRunFewerStatements() {
        long d = Web.create(Persona.LEADER, api() + "/discussions",
                Map.of("title", "Cuenta de sentencias", "agendaTopic", "Punto 4", "opening", "Hola @pf.colombia"));
        Web.create(Persona.MEMBER, api() + "/discussions/" + d + "/replies", Map.of("body", "Respuesta"));
        Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", "Publicación para contar"));
        List<String> paths = List.of("/c/seguridad/feed", S + "/posts", S + "/discussions/" + d);
        paths.forEach(path -> Persona.GROUP_MEMBER.request().get(path).then().statusCode(200));

        for (StoredText.Column c : rendering.columns()) {
            Db.update("update " + c.table() + " set " + c.version() + " = null");
        }
        Map<String, Long> stale = new java.util.LinkedHashMap<>();
        paths.forEach(path -> stale.put(path, sql.steady(() -> Persona.GROUP_MEMBER.request().get(path).then()
                .statusCode(200))));
        renderAll();
        Map<String, Long> stored = new java.util.LinkedHashMap<>();
        paths.forEach(path -> stored.put(path, sql.steady(() -> Persona.GROUP_MEMBER.request().get(path).then()
                .statusCode(200))));
        System.out.printf("SQL statements per page, texts rendered on read -> stored: %s -> %s%n", stale, stored);
        paths.forEach(path -> assertEquals(stale.get(path) - 1, stored.get(path), path));
    }

    @Test
    void aScriptNeverReachesThePage() {
        long post = Web.create(Persona.MEMBER, api() + "/posts", Map.of("body", MARKDOWN));
        String page = Persona.GROUP_MEMBER.request().get(S + "/posts/" + post).then().statusCode(200).extract().asString();
        assertFalse(page.contains("<script>alert('xss-stored')"), "no script from the text");
        assertFalse(page.contains("javascript:alert('xss-link')"), "no script link");
        assertTrue(page.contains("&lt;script&gt;"), "the script is shown as text");
    }

    /**
     * Renders until nothing is stale. renderStale() answers 0 at once while the scheduled job holds the lock
     * (it is then rendering the same rows), so the count decides, not its answer.
     */
    private void renderAll() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (rendering.staleCount() != 0) {
            assertTrue(System.nanoTime() < deadline, "texts still stale after 60 s");
            if (rendering.renderStale() == 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private static void assertSafe(String html) {
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    record Stored(String html, Integer version) {
    }

    private static Stored stored(String table, String column, long id) {
        Object[] row = (Object[]) Db.value("select " + column + "_html, " + column + "_html_version from " + table
                + " where id = ?1", id);
        return new Stored((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue());
    }

    private static String api() {
        return "/api/communities/" + Db.community(SUBGROUP);
    }
}
