package org.comunidad.notification;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.community.Community;
import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A mention notifies the member once (not again when the post is edited), shows on the
 * bell, opens the post and is then read; nobody else can open it; members outside the
 * group are never notified.
 */
@QuarkusTest
class NotificationTest extends WithAccessMatrix {

    static final String S = "seguridad-asistencia-victimas";

    @Inject
    EntityManager em;

    long unread(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from notification n join member m on m.id = n.member_id
                where m.username = ?1 and n.read_at is null""").setParameter(1, username).getSingleResult()).longValue());
    }

    long latest(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select max(n.id) from notification n join member m on m.id = n.member_id where m.username = ?1""")
                .setParameter(1, username).getSingleResult()).longValue());
    }

    @Test
    void aMentionNotifiesOnceAndOpensThePost() {
        Web.form(Persona.GROUP_MEMBER, "/notifications/read-all", Map.of()).then().statusCode(303);
        long subgroup = QuarkusTransaction.requiringNew().call(() -> Community.bySlug(S).orElseThrow().id);
        long post = Web.create(Persona.MEMBER, "/api/communities/" + subgroup + "/posts",
                Map.of("body", "Propuesta de hoja de ruta, @pf.colombia y @pf.argentina: ¿la revisan?"));
        assertEquals(1, unread("pf.colombia"));
        assertEquals(0, unread("pf.argentina"), "a member of another group is not notified (nor mentioned)");

        Web.form(Persona.MEMBER, "/c/" + S + "/posts/" + post + "/edit",
                Map.of("body", "Propuesta corregida, @pf.colombia: ¿la revisas?")).then().statusCode(303);
        assertEquals(1, unread("pf.colombia"), "editing the post does not notify again");

        String page = Persona.GROUP_MEMBER.request().get("/c/seguridad").body().asString();
        assertTrue(page.contains("<span class=\"count\">1<span class=\"visually-hidden\"> sin leer</span>"), page);
        String list = Persona.GROUP_MEMBER.request().get("/notifications").body().asString();
        assertTrue(list.contains("Lucía Quispe le mencionó"), list);
        assertTrue(list.contains("Propuesta de hoja de ruta"));

        long id = latest("pf.colombia");
        assertEquals(404, Web.form(Persona.OTHER_GROUP, "/notifications/" + id + "/open", Map.of()).statusCode());
        assertEquals(1, unread("pf.colombia"), "someone else's attempt changes nothing");
        Response open = Web.form(Persona.GROUP_MEMBER, "/notifications/" + id + "/open", Map.of());
        assertEquals(303, open.statusCode());
        assertTrue(open.header("Location").endsWith("/c/" + S + "/posts/" + post), open.header("Location"));
        assertEquals(0, unread("pf.colombia"));
    }

    @Test
    void aMentionInACommentPointsToTheComment() {
        long subgroup = QuarkusTransaction.requiringNew().call(() -> Community.bySlug(S).orElseThrow().id);
        long post = Web.create(Persona.LEADER, "/api/communities/" + subgroup + "/posts", Map.of("body", "Agenda"));
        long comment = Web.create(Persona.MEMBER, "/api/communities/" + subgroup + "/posts/" + post + "/comments",
                Map.of("body", "@lider.victimas agrego un punto"));
        long id = latest("lider.victimas");
        Response open = Web.form(Persona.LEADER, "/notifications/" + id + "/open", Map.of());
        assertTrue(open.header("Location").endsWith("/posts/" + post + "#comment-" + comment), open.header("Location"));
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("notifications")
                .get("/notifications").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .form("/notifications/read-all", Map.of()).expect(303, 303, 303, 303, 303, 303, SIGN_IN)
                // A notification of pf.peru's: theirs to open, nobody else's.
                .form("/notifications/{notification}/open", Map.of()).given("notification", NotificationTest::perusNotification)
                        .expect(404, 404, 404, 303, 404, 404, SIGN_IN);
    }

    static long perusNotification() {
        return Db.number("""
                insert into notification (member_id, kind, event_key, link, excerpt)
                select id, 'MENTION', 'matrix:' || ?1, '/c/seguridad', 'Matriz' from member where username = 'pf.peru'
                returning id""", String.valueOf(System.nanoTime()));
    }
}
