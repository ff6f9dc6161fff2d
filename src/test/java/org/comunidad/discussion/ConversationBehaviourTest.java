package org.comunidad.discussion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What members rely on in the conversation: mistakes get a clear message in their
 * language and lose nothing; refusals say why; moderation shows its reason to the
 * author and leaves an audit record; closed discussions are read-only; what's new
 * counts; mentions and video links are recognised; forms need their CSRF token.
 */
@QuarkusTest
class ConversationBehaviourTest {

    static final String S = "/c/seguridad-asistencia-victimas";

    @Inject
    EntityManager em;

    @Test
    void tooLongTitleKeepsWhatWasTypedAndExplainsInTheUsersLanguage() {
        String body = "Texto que no debe perderse ñandú";
        Response es = newsForm(Persona.MEMBER, "x".repeat(201), body);
        assertEquals(400, es.statusCode());
        assertTrue(es.body().asString().contains("Demasiado largo: como máximo 200 caracteres."));
        String page = es.body().asString();
        int at = page.indexOf("Texto que no");
        assertTrue(page.contains(body), () -> "the text typed in the body is still in the form: "
                + (at < 0 ? "absent" : page.substring(at, Math.min(page.length(), at + 60))));

        Response pt = Web.postJson(Persona.MEMBER, "/api/communities/" + id("seguridad") + "/news",
                Map.of("title", "", "body", "x"));
        assertEquals(400, pt.statusCode());
        assertEquals("title", pt.jsonPath().getString("violations[0].field"));
        assertEquals("REQUIRED", pt.jsonPath().getString("violations[0].code"));
        assertEquals(0L, count("select count(*) from news_item where body = '" + body + "'"), "nothing was stored");
    }

    @Test
    void validationMessagesFollowTheUsersLanguage() {
        // pf.brasil writes in Portuguese: a post in his Health subgroup without text.
        Response response = Web.form("pf.brasil", "/c/salud-transformacion-digital/posts",
                Map.of("body", "   "));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().asString().contains("Este campo é obrigatório."), response.body().asString());
    }

    @Test
    void aMemberWhoTriesToOpenADiscussionIsToldWhy() {
        Response response = Web.form(Persona.MEMBER, S + "/discussions",
                Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Texto"));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().asString()
                .contains("Solo el líder del subgrupo o el coordinador sectorial pueden abrir y conducir un debate formal."));
        Response api = Web.postJson(Persona.MEMBER, "/api/communities/" + id("seguridad-asistencia-victimas")
                + "/discussions", Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Texto"));
        assertEquals(403, api.statusCode());
        assertEquals("NOT_LEADER", api.jsonPath().getString("reason"));
    }

    @Test
    void hiddenPostShowsItsReasonToTheAuthorOnlyAndIsAudited() {
        String text = "Publicación a moderar " + System.nanoTime();
        long post = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/posts", Map.of("body", text));
        Web.form(Persona.LEADER, S + "/posts/" + post + "/hide", Map.of("reason", "Contiene datos personales"))
                .then().statusCode(303);

        String author = Persona.MEMBER.request().get(S + "/posts").then().statusCode(200).extract().asString();
        assertTrue(author.contains(text));
        assertTrue(author.contains("Contiene datos personales"));
        String other = Persona.GROUP_MEMBER.request().get(S + "/posts").then().statusCode(200).extract().asString();
        assertFalse(other.contains(text), "others do not see hidden content");
        Persona.GROUP_MEMBER.request().get(S + "/posts/" + post).then().statusCode(404);

        Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select a.action, a.detail, m.username from audit_log a join member m on m.id = a.actor_id
                where a.target_type = 'POST' and a.target_id = ?1
                """).setParameter(1, post).getSingleResult());
        assertArrayEquals(new Object[] { "HIDE", "Contiene datos personales", "lider.victimas" }, audit);
    }

    @Test
    void hidingNeedsAReason() {
        long post = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/posts", Map.of("body", "Hola"));
        Response response = Web.form(Persona.LEADER, S + "/posts/" + post + "/hide", Map.of("reason", " "));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().asString().contains("Este campo es obligatorio."));
        assertEquals(0L, count("select count(*) from post where hidden_at is not null and id = " + post));
    }

    @Test
    void closedDiscussionShowsItsConclusionAndTakesNoMoreReplies() {
        long d = Web.create(Persona.LEADER, api("seguridad-asistencia-victimas") + "/discussions",
                Map.of("title", "Protocolo de atención", "agendaTopic", "Punto 2", "opening", "Propuesta inicial"));
        long top = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/discussions/" + d + "/replies",
                Map.of("body", "Perú está de acuerdo"));
        long answer = Web.create(Persona.LEADER, api("seguridad-asistencia-victimas") + "/discussions/" + d + "/replies",
                Map.of("body", "Gracias", "parentId", top));
        // Depth 2 at most: an answer cannot be answered.
        Web.postJson(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/discussions/" + d + "/replies",
                Map.of("body", "Más", "parentId", answer)).then().statusCode(403).body("reason", equalTo("TOO_DEEP"));

        Web.form(Persona.LEADER, S + "/discussions/" + d + "/close", Map.of("conclusion", "Se aprueba el protocolo."))
                .then().statusCode(303);
        String page = Persona.MEMBER.request().get(S + "/discussions/" + d).then().statusCode(200).extract().asString();
        assertTrue(page.indexOf("Se aprueba el protocolo.") < page.indexOf("Perú está de acuerdo"),
                "the conclusion comes first");
        assertTrue(page.contains("Este debate está cerrado"));
        assertFalse(page.contains("/discussions/" + d + "/replies\""), "no reply form on a closed discussion");
        Web.postJson(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/discussions/" + d + "/replies",
                Map.of("body", "Tarde")).then().statusCode(403).body("reason", equalTo("DISCUSSION_CLOSED"));
        assertEquals(2L, count("select reply_count from discussion where id = " + d));
    }

    @Test
    void deadlineMustNotBeInThePast() {
        Response response = Web.form(Persona.LEADER, S + "/discussions", Map.of("title", "Tema", "agendaTopic", "A",
                "opening", "B", "deadline", LocalDate.now().minusDays(3).toString()));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().asString().contains("La fecha no puede estar en el pasado."));
    }

    @Test
    void mentionsOfGroupMembersAreStoredAndVideosEmbedded() {
        long post = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/posts",
                Map.of("body", "Hola @pf.colombia y @pf.argentina, vean https://youtu.be/dQw4w9WgXcQ"));
        List<?> mentioned = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select m.username from mention x join member m on m.id = x.member_id
                where x.source_type = 'POST' and x.source_id = ?1
                """).setParameter(1, post).getResultList());
        assertEquals(List.of("pf.colombia"), mentioned, "only members of the working group are mentioned");
        Persona.GROUP_MEMBER.request().get(S + "/posts/" + post).then().statusCode(200)
                .body(containsString("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""))
                .body(containsString("<span class=\"mention\">&#64;pf.colombia</span>"))
                .body(not(containsString("<span class=\"mention\">&#64;pf.argentina</span>")));
    }

    @Test
    void editsAreMarked() {
        long post = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/posts", Map.of("body", "Primera"));
        Web.form(Persona.MEMBER, S + "/posts/" + post + "/edit", Map.of("body", "Segunda versión")).then().statusCode(303);
        Persona.LEADER.request().get(S + "/posts/" + post).then().statusCode(200)
                .body(containsString("Segunda versión")).body(containsString("editado")).body(not(containsString("Primera")));
    }

    @Test
    void whatsNewCountsOthersItemsSinceTheLastVisit() {
        Persona.GROUP_MEMBER.request().get("/c/seguridad-prevencion-violencia-genero/discussions").then().statusCode(200);
        String before = Persona.GROUP_MEMBER.request().get("/c/seguridad-prevencion-violencia-genero").then()
                .statusCode(200).extract().asString();
        Web.create(Persona.MEMBER, api("seguridad-prevencion-violencia-genero") + "/posts", Map.of("body", "Nuevo 1"));
        Web.create(Persona.MEMBER, api("seguridad-prevencion-violencia-genero") + "/posts", Map.of("body", "Nuevo 2"));
        String after = Persona.GROUP_MEMBER.request().get("/c/seguridad-prevencion-violencia-genero").then()
                .statusCode(200).extract().asString();
        int posts = newCount(after, "posts");
        assertTrue(posts >= 2, "two new posts since the last visit: " + posts);
        assertEquals(0, newCount(before, "discussions"));
        // "My communities" shows the count for each subgroup the member takes part in.
        Persona.LEADER.request().get("/communities").then().statusCode(200).body(containsString(
                "href=\"/c/seguridad-prevencion-violencia-genero/posts\">Publicaciones: "));
        Persona.GROUP_MEMBER.request().get("/c/seguridad-prevencion-violencia-genero/posts").then().statusCode(200);
        String visited = Persona.GROUP_MEMBER.request().get("/c/seguridad-prevencion-violencia-genero").then()
                .statusCode(200).extract().asString();
        assertEquals(0, newCount(visited, "posts"), "opening the tab marks it seen");
        // The author's own posts are never new to them.
        Persona.MEMBER.request().get("/c/seguridad-prevencion-violencia-genero/posts").then().statusCode(200);
        Web.create(Persona.MEMBER, api("seguridad-prevencion-violencia-genero") + "/posts", Map.of("body", "Mío"));
        assertEquals(0, newCount(Persona.MEMBER.request().get("/c/seguridad-prevencion-violencia-genero").asString(),
                "posts"));
    }

    @Test
    void newsImageIsCheckedByContentStoredAndServedToMembersOnly() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Csrf csrf = Csrf.fetch(Persona.MEMBER);
        Response created = Persona.MEMBER.request().cookie(Csrf.COOKIE, csrf.cookie())
                .multiPart(Csrf.FIELD, csrf.token())
                .multiPart("title", "Con foto").multiPart("body", "Foto de la reunión").multiPart("imageAlt", "Sala")
                .multiPart("image", "foto.png", png, "image/png")
                .post("/c/seguridad/news");
        assertEquals(303, created.statusCode(), created.body().asString());
        long id = Long.parseLong(created.header("Location").replaceAll(".*#news-", ""));
        byte[] served = Persona.GROUP_MEMBER.request().get("/c/seguridad/news/" + id + "/image").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, served);
        Persona.OTHER_GROUP.request().get("/c/seguridad/news/" + id + "/image").then().statusCode(404);
        String key = QuarkusTransaction.requiringNew().call(
                () -> (String) em.createNativeQuery("select image_key from news_item where id = " + id).getSingleResult());
        assertNotNull(key);

        Csrf again = Csrf.fetch(Persona.MEMBER);
        Response fake = Persona.MEMBER.request().cookie(Csrf.COOKIE, again.cookie())
                .multiPart(Csrf.FIELD, again.token())
                .multiPart("title", "Falsa").multiPart("body", "Texto conservado")
                .multiPart("image", "foto.png", "<script>alert(1)</script>".getBytes(), "image/png")
                .post("/c/seguridad/news");
        assertEquals(400, fake.statusCode());
        assertTrue(fake.body().asString().contains("La imagen debe ser PNG, JPEG, GIF o WebP"));
        assertTrue(fake.body().asString().contains("Texto conservado"));
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefusedAndStoreNothing() {
        String text = "Sin token " + System.nanoTime();
        Persona.MEMBER.request().contentType("application/x-www-form-urlencoded").formParam("body", text)
                .post(S + "/posts").then().statusCode(400);
        assertEquals(0L, count("select count(*) from post where body = '" + text + "'"));
    }

    @Test
    void storedMarkupIsShownAsText() {
        long post = Web.create(Persona.MEMBER, api("seguridad-asistencia-victimas") + "/posts",
                Map.of("body", "<script>alert('x')</script> [clic](javascript:alert(1)) <img src=x onerror=alert(1)>"));
        String page = Persona.LEADER.request().get(S + "/posts/" + post).then().statusCode(200).extract().asString();
        assertFalse(page.contains("<script>alert"));
        assertFalse(page.contains("href=\"javascript"));
        assertFalse(page.contains("<img src=x"));
        assertTrue(page.contains("&lt;script&gt;") || page.contains("&#"), "the markup is shown as text");
    }

    private static int newCount(String html, String tab) {
        var m = java.util.regex.Pattern.compile("href=\"/c/[a-z-]+/" + tab + "\"[^>]*>[^<]*<span class=\"count\">(\\d+)")
                .matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private Response newsForm(Persona persona, String title, String body) {
        Csrf csrf = Csrf.fetch(persona);
        return persona.request().cookie(Csrf.COOKIE, csrf.cookie())
                .multiPart(Csrf.FIELD, csrf.token()).multiPart("title", title)
                // Browsers send form fields as UTF-8.
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(body).controlName("body").charset("UTF-8").build())
                .post("/c/seguridad/news");
    }

    private static String api(String slug) {
        return "/api/communities/" + id(slug);
    }

    static long id(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> org.comunidad.community.Community.bySlug(slug).orElseThrow().id);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
