package org.comunidad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.comunidad.document.DocumentSearch;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The search ranks within a bounded candidate set (issue 16): each kind's newest
 * {@link SiteSearch#CANDIDATES} matches, documents' newest {@link DocumentSearch#CANDIDATES},
 * with the documents' total counted up to {@link DocumentSearch#TOTAL_MAX}. A rare word is found
 * however old, relevance still orders the window, and a capped total says "more than".
 */
@QuarkusTest
class SearchWindowTest {

    static final String SUB = "seguridad-asistencia-victimas";
    static final String MARK = "ventanaprueba";

    static long oldPost;
    static long strongPost;
    static long newestPost;

    @BeforeAll
    static void seed() {
        // CANDIDATES + 10 posts that match once, one a minute back from now; the newest first.
        Db.update("""
                insert into post (community_id, group_id, author_id, body, created_at)
                select c.id, c.parent_id, (select id from member where username = 'pf.peru'),
                       'ventanaprueba número ' || i, now() - make_interval(mins => i)
                from community c, generate_series(1, ?2) i where c.slug = ?1""", SUB, SiteSearch.CANDIDATES + 10);
        newestPost = Db.number("select id from post where body = 'ventanaprueba número 1'");
        // Inside the window (100 minutes old), matching four times: ranked first.
        strongPost = Db.number("""
                insert into post (community_id, group_id, author_id, body, created_at)
                select c.id, c.parent_id, (select id from member where username = 'pf.peru'),
                       'ventanaprueba ventanaprueba ventanaprueba ventanaprueba (dentro)', now() - interval '100 minutes' - interval '30 seconds'
                from community c where c.slug = ?1 returning id""", SUB);
        // Three years old, matching four times, and the only post with a rare word: outside the window.
        oldPost = Db.number("""
                insert into post (community_id, group_id, author_id, body, created_at)
                select c.id, c.parent_id, (select id from member where username = 'pf.peru'),
                       'ventanaprueba ventanaprueba ventanaprueba ventanaprueba zafiroantiguo', now() - interval '3 years'
                from community c where c.slug = ?1 returning id""", SUB);
        // TOTAL_MAX + 1 documents with one word, and 3 with another.
        Db.update("""
                insert into document (group_id, community_id, title, doc_type, language, uploader_id, search,
                                      created_at, updated_at)
                select c.parent_id, c.id, 'Tope ' || i, 'REPORT', 'es', (select id from member where username = 'pf.peru'),
                       to_tsvector('doc_simple', case when i <= ?2 then 'cuentatope' else 'cuentatres' end),
                       now() - make_interval(mins => i), now() - make_interval(mins => i)
                from community c, generate_series(1, ?2 + 3) i where c.slug = ?1""", SUB, DocumentSearch.TOTAL_MAX + 1);
    }

    @AfterAll
    static void clean() {
        Db.update("delete from post where body like 'ventanaprueba%'");
        Db.update("delete from document where title like 'Tope %' and search @@ to_tsquery('doc_simple', 'cuentatope | cuentatres')");
    }

    static String search(Persona persona, String path, String q) {
        return persona.request().header("Accept-Language", "es").queryParam("q", q).get(path).body().asString();
    }

    static String post(long id) {
        return "/c/" + SUB + "/posts/" + id + "\"";
    }

    @Test
    void aRareWordOlderThanTheWindowIsStillFound() {
        String page = search(Persona.MEMBER, "/search", "zafiroantiguo");
        assertTrue(page.contains(post(oldPost)), page);
        assertTrue(page.contains("<mark>zafiroantiguo</mark>"), page);
    }

    @Test
    void relevanceOrdersTheNewestMatchesAndTheShownOnesOnly() {
        String page = search(Persona.MEMBER, "/search", MARK);
        int posts = page.indexOf("id=\"found-posts\"");
        assertTrue(posts > 0, page);
        String section = page.substring(posts, page.indexOf("</section>", posts));
        // The strong match inside the window comes first, then the newest; the old strong one is
        // outside the window of the newest CANDIDATES and is not ranked (the documented trade-off).
        assertTrue(section.indexOf(post(strongPost)) > 0, section);
        assertTrue(section.indexOf(post(strongPost)) < section.indexOf(post(newestPost)), section);
        assertFalse(section.contains(post(oldPost)), section);
        assertEquals(SiteSearch.PER_KIND, count(section, "class=\"card hit\""), section);
        assertEquals(SiteSearch.PER_KIND, count(section, "class=\"snippet\""), "a snippet for each shown hit");
    }

    @Test
    void anotherGroupFindsNone() {
        String page = search(Persona.OTHER_GROUP, "/search", MARK);
        assertFalse(page.contains("/c/" + SUB + "/posts/"), page);
        page = search(Persona.OTHER_GROUP, "/search", "zafiroantiguo");
        assertFalse(page.contains(post(oldPost)), page);
        page = search(Persona.OTHER_GROUP, "/documents", "cuentatope");
        assertTrue(page.contains("0 resultados"), page);
    }

    @Test
    void aTotalBeyondTheCapSaysMoreThan() {
        String page = search(Persona.MEMBER, "/documents", "cuentatope");
        assertTrue(Pattern.compile("Más de 1\\.?000 resultados").matcher(page).find(), page);
        assertTrue(page.contains("id=\"ranked-among\""), page);
        assertEquals(DocumentSearch.PAGE_SIZE, count(page, "class=\"card hit\""));
        // The pages cover the ranked window: the last one has hits, the one after it none.
        int last = DocumentSearch.CANDIDATES / DocumentSearch.PAGE_SIZE;
        String lastPage = Persona.MEMBER.request().queryParam("q", "cuentatope").queryParam("page", last)
                .get("/documents").body().asString();
        assertEquals(DocumentSearch.PAGE_SIZE, count(lastPage, "class=\"card hit\""), lastPage);
        assertFalse(lastPage.contains("rel=\"next\""), lastPage);

        String site = search(Persona.MEMBER, "/search", "cuentatope");
        // The search page ranks and counts the documents within its own window, as every kind (SiteSearch.CANDIDATES).
        assertTrue(Pattern.compile("class=\"count\">más de " + SiteSearch.CANDIDATES + "</span>").matcher(site).find(), site);
        assertTrue(Pattern.compile("Ver los más de " + SiteSearch.CANDIDATES + " documentos encontrados").matcher(site).find(),
                site);
    }

    @Test
    void aTotalUnderTheCapIsExact() {
        String page = search(Persona.MEMBER, "/documents", "cuentatres");
        assertTrue(page.contains(">3 resultados<"), page);
        assertFalse(page.contains("id=\"ranked-among\""), page);
        String site = search(Persona.MEMBER, "/search", "cuentatres");
        assertTrue(site.contains("class=\"count\">3</span>"), site);
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
