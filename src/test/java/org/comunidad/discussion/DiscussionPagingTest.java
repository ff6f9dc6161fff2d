package org.comunidad.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A discussion's page shows its replies 50 at a time, oldest first, with a pager; every link to a
 * reply (notices, quotes, the form's redirect, the actions on a reply) lands on the page that
 * holds it, at its anchor; and the page runs the same statements with 3 and with 300 replies.
 * Replies are numbered from 1 in the order they were written: "Aporte número 51." is the 51st.
 */
@QuarkusTest
class DiscussionPagingTest {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    @Inject
    EntityManager em;

    @Inject
    SqlStatements sql;

    @Test
    void eachPageHoldsFiftyRepliesAndALinkToAReplyLandsOnItsPage() {
        long d = discussion("Paginado de aportes");
        seed(d, 1, 300);
        String base = S + "/discussions/" + d;

        String second = page(Persona.MEMBER, base + "?page=2");
        assertEquals(50, replies(second).size(), "50 replies on a page");
        for (int i = 51; i <= 100; i++) {
            assertTrue(second.contains("Aporte número " + i + "."), "page 2 holds reply " + i);
        }
        assertFalse(second.contains("Aporte número 50."), "reply 50 is on page 1");
        assertFalse(second.contains("Aporte número 101."), "reply 101 is on page 3");
        assertEquals("Aporte número 51.", firstText(second), "oldest first");
        // The pager: first, previous, page 2 of 6, next, last, with rel, twice (top and bottom).
        assertTrue(second.contains("rel=\"first\" href=\"" + base + "\""), second);
        assertTrue(second.contains("rel=\"prev\" href=\"" + base + "\""));
        assertTrue(second.contains("rel=\"next\" href=\"" + base + "?page=3\""));
        assertTrue(second.contains("rel=\"last\" href=\"" + base + "?page=6\""));
        assertEquals(2, count(second, "aria-current=\"page\">Página 2 de 6<"));
        assertTrue(second.contains("Respuestas 51–100 de 300"));
        // Reply 55 answers reply 1 (page 1): its quote goes through the reply's address.
        long first = replyId(d, 1);
        assertTrue(second.contains("href=\"" + base + "/replies/" + first + "\">En respuesta a "), "quote of reply 1");
        // Reply 60 answers reply 51, on the same page: the anchor alone.
        assertTrue(second.contains("href=\"#reply-" + replyId(d, 51) + "\">En respuesta a "), "quote on the page");

        // A link to reply 120 (notices, mentions, quotes) lands on page 3 at its anchor.
        long r120 = replyId(d, 120);
        Response located = Persona.MEMBER.request().redirects().follow(false).get(base + "/replies/" + r120);
        assertEquals(303, located.statusCode());
        assertTrue(located.header("Location").endsWith(base + "?page=3#reply-" + r120), located.header("Location"));
        assertTrue(page(Persona.MEMBER, base + "?page=3").contains("id=\"reply-" + r120 + "\""));
        Response onFirst = Persona.MEMBER.request().redirects().follow(false).get(base + "/replies/" + first);
        assertTrue(onFirst.header("Location").endsWith(base + "#reply-" + first), "page 1 has no ?page");
        long other = discussion("Otro debate");
        seed(other, 1, 1);
        Persona.MEMBER.request().redirects().follow(false).get(base + "/replies/" + replyId(other, 1))
                .then().statusCode(404);

        // Past the last page: the last page.
        String past = page(Persona.MEMBER, base + "?page=99");
        assertEquals("Aporte número 251.", firstText(past));
        assertTrue(past.contains("Página 6 de 6"));
        assertFalse(past.contains("rel=\"next\""));

        // The form's redirect: the new reply, on page 7 (301 replies), at its anchor.
        Response posted = Web.form(Persona.MEMBER, base + "/replies", Map.of("body", "Aporte número 301."));
        assertEquals(303, posted.statusCode(), posted.body().asString());
        long r301 = replyId(d, 301);
        assertTrue(posted.header("Location").endsWith(base + "?page=7#reply-" + r301), posted.header("Location"));
        // An answer to reply 1, from the form: page 7 too, quoting reply 1 on page 1.
        Response answered = Web.form(Persona.LEADER, base + "/replies",
                Map.of("body", "Aporte número 302.", "parentId", first));
        assertTrue(answered.header("Location").endsWith(base + "?page=7#reply-" + replyId(d, 302)));
        String seventh = page(Persona.MEMBER, base + "?page=7");
        assertEquals(2, replies(seventh).size());
        assertTrue(seventh.contains("href=\"" + base + "/replies/" + first + "\">En respuesta a "));
        // Editing a reply on page 2 goes back to it.
        long r60 = replyId(d, 60);
        exec("update discussion_reply set author_id = (select id from member where username = 'pf.peru') where id = " + r60);
        Response edited = Web.form(Persona.MEMBER, base + "/replies/" + r60 + "/edit", Map.of("body", "Aporte número 60."));
        assertEquals(base + "/replies/" + r60, path(edited.header("Location")));

        // A hidden reply: gone from a member's pages (they shift), still on the moderator's.
        long r3 = replyId(d, 3);
        exec("update discussion_reply set author_id = (select id from member where username = 'lider.victimas'),"
                + " hidden_at = now(), hidden_by = (select id from member where username = 'lider.victimas'),"
                + " hidden_reason = 'Fuera de tema' where id = " + r3);
        assertEquals("Aporte número 52.", firstText(page(Persona.MEMBER, base + "?page=2")));
        assertEquals("Aporte número 51.", firstText(page(Persona.LEADER, base + "?page=2")));
        Response shifted = Persona.MEMBER.request().redirects().follow(false).get(base + "/replies/" + r120);
        assertTrue(shifted.header("Location").endsWith("?page=3#reply-" + r120));
        Response r101 = Persona.MEMBER.request().redirects().follow(false).get(base + "/replies/" + replyId(d, 101));
        assertTrue(r101.header("Location").endsWith("?page=2#reply-" + replyId(d, 101)), "one place earlier");
    }

    /**
     * A page of 50 replies carries one reply form (at the bottom) and an "Answer" link on each
     * top-level reply instead of a form per reply: the page's size is printed (before: 40-odd forms).
     */
    @Test
    void aPageOfFiftyRepliesCarriesOneReplyForm() {
        long d = discussion("Cincuenta aportes");
        seed(d, 1, 50);
        String base = S + "/discussions/" + d;
        String html = page(Persona.MEMBER, base);
        String leader = page(Persona.LEADER, base);
        // As most readers see it: a member who wrote none of the replies (no edit or delete forms).
        exec("update discussion_reply set author_id = (select id from member where username = 'coord.seguridad')"
                + " where discussion_id = " + d + " and author_id = (select id from member where username = 'pf.peru')");
        String reader = page(Persona.MEMBER, base);
        System.out.printf("discussion page of 50 replies (45 top-level): %d bytes as a member who wrote a third of them,"
                + " %d as a member who wrote none, %d as the leader (moderator, wrote a third)%n", bytes(html), bytes(reader),
                bytes(leader));
        assertEquals(50, replies(html).size());
        assertEquals(1, count(html, "action=\"" + base + "/replies\""), "one reply form");
        assertEquals(1, count(html, "name=\"body\" rows=\"5\""), "one reply textarea");
        assertEquals(45, count(html, "#reply-title\">Responder a esto</a>"), "an answer link per top-level reply");
        assertTrue(html.contains("href=\"" + base + "?answer=" + replyId(d, 1) + "#reply-title\">Responder a esto</a>"));
        assertFalse(html.contains("?answer=" + replyId(d, 10) + "#"), "an answer is not answered");
        assertFalse(html.contains("name=\"parentId\""), "no answer mode without ?answer");
    }

    /**
     * {@code ?answer=} puts the page's one form in answer mode: its heading names the author, it
     * quotes the reply and carries its id; posting from it stores an answer to that reply. A bad
     * body comes back in answer mode with the text kept; an id that is no number is a 400; one that
     * names no top-level reply of this discussion the viewer sees gives the ordinary form and a notice.
     */
    @Test
    void theAnswerLinkPutsThePageFormInAnswerMode() {
        long d = discussion("Aportes respondidos");
        seed(d, 1, 60);
        String base = S + "/discussions/" + d;
        long r1 = replyId(d, 1);
        long r51 = replyId(d, 51);
        String author1 = authorOf(r1);

        String answering = page(Persona.MEMBER, base + "?answer=" + r1);
        assertTrue(answering.contains("<h2 id=\"reply-title\">Responder a " + author1 + "</h2>"), answering);
        assertTrue(answering.contains("<a href=\"#reply-" + r1 + "\">En respuesta a " + author1
                + "</a>: <q>Aporte número 1.</q>"), "the quote, on the page: the anchor");
        assertTrue(answering.contains("<input type=\"hidden\" name=\"parentId\" value=\"" + r1 + "\">"));
        assertTrue(answering.contains("<a href=\"" + base + "#reply-title\">Aportar al debate en general</a>"),
                "back to replying to the discussion");
        assertEquals(1, count(answering, "action=\"" + base + "/replies\""), "still one form");
        assertFalse(answering.contains("no está disponible"), "no notice");
        // Page 2's links keep the page; a reply of another page is quoted through its address.
        String second = page(Persona.MEMBER, base + "?page=2");
        assertTrue(second.contains("href=\"" + base + "?page=2&amp;answer=" + r51 + "#reply-title\">Responder a esto</a>"));
        String elsewhere = page(Persona.MEMBER, base + "?answer=" + r51);
        assertTrue(elsewhere.contains("<a href=\"" + base + "/replies/" + r51 + "\">En respuesta a " + authorOf(r51)
                + "</a>: <q>Aporte número 51.</q>"), "quoted through the reply's address");
        String onSecond = page(Persona.MEMBER, base + "?page=2&answer=" + r51);
        assertTrue(onSecond.contains("<a href=\"" + base + "?page=2#reply-title\">Aportar al debate en general</a>"));

        // Posting from it: an answer to reply 1, stored under it, at its anchor on page 2 (61 replies).
        Response posted = Web.form(Persona.MEMBER, base + "/replies", Map.of("body", "Respondo al primero.", "parentId", r1));
        assertEquals(303, posted.statusCode(), posted.body().asString());
        long answer = replyByBody(d, "Respondo al primero.");
        assertTrue(posted.header("Location").endsWith(base + "?page=2#reply-" + answer), posted.header("Location"));
        assertEquals(r1, parentOf(answer));
        // A bad body: 400, the page again in answer mode, with what was typed and the error.
        String tooLong = "x".repeat(DiscussionReply.BODY_MAX + 1);
        Response bad = Web.form(Persona.MEMBER, base + "/replies", Map.of("body", tooLong, "parentId", r1));
        assertEquals(400, bad.statusCode());
        String again = bad.body().asString();
        assertTrue(again.contains("<h2 id=\"reply-title\">Responder a " + author1 + "</h2>"), "answer mode");
        assertTrue(again.contains("name=\"parentId\" value=\"" + r1 + "\""));
        assertTrue(again.contains(">" + tooLong + "</textarea>"), "the text kept");
        assertTrue(again.contains("aria-invalid=\"true\""), "the error shown");
        Response empty = Web.form(Persona.MEMBER, base + "/replies", Map.of("body", " ", "parentId", r1));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().asString().contains("name=\"parentId\" value=\"" + r1 + "\""));
        assertEquals(61, count("select count(*) from discussion_reply where discussion_id = " + d), "nothing stored");

        // Not a number: 400. Not a top-level reply of this discussion the viewer sees: the ordinary form, a notice.
        Persona.MEMBER.request().get(base + "?answer=abc").then().statusCode(400);
        long other = discussion("Otro debate respondido");
        long foreign = Web.create(Persona.LEADER, "/api/communities/" + ConversationBehaviourTest.id(SLUG)
                + "/discussions/" + other + "/replies", Map.of("body", "Texto ajeno que no debe verse."));
        long r10 = replyId(d, 10);
        long r2 = replyId(d, 2);
        long r4 = replyId(d, 4);
        exec("update discussion_reply set deleted_at = now() where id = " + r2);
        exec("update discussion_reply set author_id = (select id from member where username = 'lider.victimas'),"
                + " hidden_at = now(), hidden_by = (select id from member where username = 'lider.victimas'),"
                + " hidden_reason = 'Fuera de tema' where id = " + r4);
        for (long unknown : new long[] { foreign, r10, r2, r4, 987654321L }) {
            String html = page(Persona.MEMBER, base + "?answer=" + unknown);
            assertTrue(html.contains("<p class=\"notice\" role=\"status\">La respuesta que quería contestar no está"
                    + " disponible"), "notice for " + unknown);
            assertFalse(html.contains("name=\"parentId\""), "no answer mode for " + unknown);
            assertTrue(html.contains("<h2 id=\"reply-title\">Su aporte</h2>"));
            assertFalse(html.contains("Texto ajeno"), "nothing of another discussion");
        }
        // The hidden reply is answered by those who see it: its author and the moderators.
        assertTrue(page(Persona.LEADER, base + "?answer=" + r4).contains("name=\"parentId\" value=\"" + r4 + "\""));
    }

    /** No answer link where the viewer cannot reply: a closed discussion, a member of the group only. */
    @Test
    void noAnswerLinkForWhoCannotReply() {
        long d = discussion("Aportes sin respuesta");
        seed(d, 1, 5);
        String base = S + "/discussions/" + d;
        assertEquals(5, count(page(Persona.MEMBER, base), ">Responder a esto</a>"), "every top-level reply");
        String outsider = page(Persona.GROUP_MEMBER, base);
        assertFalse(outsider.contains("Responder a esto"), "a member of the group, not the subgroup");
        assertFalse(outsider.contains("name=\"body\""));
        assertFalse(page(Persona.GROUP_MEMBER, base + "?answer=" + replyId(d, 1)).contains("name=\"parentId\""));
        exec("update discussion set status = 'CLOSED', closed_at = now(), conclusion = 'Cerrado',"
                + " closed_by = (select id from member where username = 'lider.victimas') where id = " + d);
        assertFalse(page(Persona.MEMBER, base).contains("Responder a esto"), "closed");
    }

    @Test
    void statementsDoNotGrowWithTheReplies() {
        long d = discussion("Aportes contados");
        seed(d, 1, 3);
        String base = S + "/discussions/" + d;
        long small = statements(base);
        long smallLocate = statements(base + "/replies/" + replyId(d, 2));

        seed(d, 4, 300);
        long large = statements(base);
        long last = statements(base + "?page=6");
        long middle = statements(base + "?page=3");
        long largeLocate = statements(base + "/replies/" + replyId(d, 250));
        System.out.printf("discussion page statements: 3 replies %d; 300 replies page 1 %d, page 3 %d, page 6 %d;"
                + " reply link %d -> %d%n", small, large, middle, last, smallLocate, largeLocate);
        assertEquals(small, large, "page 1 with 3 and with 300 replies");
        // Past page 1 answers may quote a reply of an earlier page: one more query for those, whatever their number.
        assertTrue(middle <= small + 1, "page 3: " + middle + " vs " + small);
        assertTrue(last <= small + 1, "page 6: " + last + " vs " + small);
        assertEquals(smallLocate, largeLocate, "a link to a reply");
        // Answer mode: nothing more when the answered reply is on the page, one query when it is not.
        long answerOnPage = statements(base + "?answer=" + replyId(d, 2));
        long answerElsewhere = statements(base + "?answer=" + replyId(d, 250));
        System.out.printf("discussion page statements in answer mode: reply on the page %d, on another page %d%n",
                answerOnPage, answerElsewhere);
        assertEquals(small, answerOnPage, "answering a reply of the page");
        assertEquals(small + 1, answerElsewhere, "answering a reply of another page");
        assertEquals(50, replies(page(Persona.ADMIN, base + "?page=6")).size());
    }

    private long statements(String path) {
        Persona.ADMIN.request().redirects().follow(false).get(path).then().statusCode(path.contains("/replies/") ? 303 : 200);
        return sql.steady(() -> Persona.ADMIN.request().redirects().follow(false).get(path));
    }

    private static String page(Persona persona, String path) {
        return persona.request().get(path).then().statusCode(200).extract().asString();
    }

    private static int bytes(String html) {
        return html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static List<String> replies(String html) {
        return Pattern.compile("<article class=\"reply[^\"]*\" id=\"reply-(\\d+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    private static String firstText(String html) {
        Matcher m = Pattern.compile("id=\"reply-\\d+\".*?(Aporte número \\d+\\.)", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a reply on the page");
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private long discussion(String title) {
        return Web.create(Persona.LEADER, "/api/communities/" + ConversationBehaviourTest.id(SLUG) + "/discussions",
                Map.of("title", title, "agendaTopic", "Punto 1", "opening", "Abrimos el debate"));
    }

    /**
     * Replies {@code from}..{@code to}, one second apart, by the subgroup's members in turn; every
     * tenth answers the reply nine before it, and reply 55 answers reply 1.
     */
    private void seed(long d, int from, int to) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into discussion_reply (discussion_id, author_id, body, created_at)
                    select :d, (select m.id from member m where m.username in ('pf.peru', 'lider.victimas', 'coord.seguridad')
                                order by m.id offset (i % 3) limit 1),
                           'Aporte número ' || i || '.', timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => i)
                    from generate_series(:from, :to) i
                    """).setParameter("d", d).setParameter("from", from).setParameter("to", to).executeUpdate();
            em.createNativeQuery("""
                    update discussion_reply r set parent_id = p.id
                    from discussion_reply p
                    where r.discussion_id = :d and p.discussion_id = :d
                      and r.body ~ '^Aporte número [0-9]+\\.$' and p.body ~ '^Aporte número [0-9]+\\.$'
                      and ((substring(r.body from '[0-9]+')::int % 10 = 0
                            and substring(p.body from '[0-9]+')::int = substring(r.body from '[0-9]+')::int - 9)
                        or (substring(r.body from '[0-9]+')::int = 55 and substring(p.body from '[0-9]+')::int = 1))
                      and substring(r.body from '[0-9]+')::int between :from and :to
                    """).setParameter("d", d).setParameter("from", from).setParameter("to", to).executeUpdate();
            em.createNativeQuery("""
                    update discussion set reply_count = (select count(*) from discussion_reply
                        where discussion_id = :d and deleted_at is null and hidden_at is null) where id = :d
                    """).setParameter("d", d).executeUpdate();
        });
    }

    /** The id of the reply "Aporte número n." of the discussion. */
    private long replyId(long d, int n) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from discussion_reply where discussion_id = :d and body = :b")
                .setParameter("d", d).setParameter("b", "Aporte número " + n + ".").getSingleResult()).longValue());
    }

    private String authorOf(long reply) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select m.display_name from member m join discussion_reply r on r.author_id = m.id where r.id = :r")
                .setParameter("r", reply).getSingleResult());
    }

    private long replyByBody(long d, String body) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from discussion_reply where discussion_id = :d and body = :b")
                .setParameter("d", d).setParameter("b", body).getSingleResult()).longValue());
    }

    private long parentOf(long reply) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select parent_id from discussion_reply where id = :r").setParameter("r", reply).getSingleResult())
                .longValue());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    private void exec(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
