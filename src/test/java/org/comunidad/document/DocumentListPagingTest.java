package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A folder's page lists its documents by title, {@link DocumentService#PAGE_SIZE} at a time,
 * with previous / next links that keep the folder: 120 documents are three pages (50, 50, 20),
 * each document on exactly one of them, in order.
 */
@QuarkusTest
class DocumentListPagingTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SUBGROUP + "/documents";

    @Inject
    EntityManager em;

    @Test
    void aFolderOf120DocumentsIsThreePagesInTitleOrder() {
        String name = "Paginada " + System.nanoTime();
        long folder = QuarkusTransaction.requiringNew().call(() -> {
            long id = ((Number) em.createNativeQuery("""
                    insert into doc_folder (group_id, community_id, name, created_by)
                    select c.parent_id, c.id, ?2, (select id from member where username = 'pf.peru')
                    from community c where c.slug = ?1 returning id""").setParameter(1, SUBGROUP)
                    .setParameter(2, name).getSingleResult()).longValue();
            // Titles whose order by lower(title) differs from their insertion order and their case.
            em.createNativeQuery("""
                    insert into document (group_id, community_id, folder_id, title, doc_type, language, uploader_id)
                    select f.group_id, f.community_id, f.id,
                           (case when i % 2 = 0 then 'acta ' else 'ACTA ' end) || lpad(((i * 37) % 120)::text, 3, '0'),
                           'MINUTES', 'es', f.created_by
                    from doc_folder f, generate_series(0, 119) i where f.id = ?1""").setParameter(1, id)
                    .executeUpdate();
            return id;
        });
        String base = S + "?folder=" + folder;

        String first = page(base);
        List<String> titles = new ArrayList<>(titles(first));
        assertEquals(50, titles.size(), "the first page");
        assertFalse(first.contains("rel=\"prev\""), "no previous page before the first");
        assertTrue(first.contains("href=\"" + S + "?folder=" + folder + "&amp;page=2\""), "next keeps the folder");

        String second = page(base + "&page=2");
        assertEquals(50, titles(second).size());
        assertTrue(second.contains("href=\"" + S + "?folder=" + folder + "&amp;page=1\""), "previous");
        assertTrue(second.contains("href=\"" + S + "?folder=" + folder + "&amp;page=3\""), "next");
        titles.addAll(titles(second));

        String third = page(base + "&page=3");
        assertEquals(20, titles(third).size(), "the rest");
        assertFalse(third.contains("rel=\"next\""), "no next page after the last");
        titles.addAll(titles(third));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            expected.add(String.format("%03d", i));
        }
        assertEquals(expected, titles.stream().map(t -> t.substring(5)).toList(),
                "every document once, by title whatever its case");

        // After an upload the folder names the new documents, on whatever page they sit; only its own.
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from document where folder_id = ?1 order by lower(title) desc, id desc limit 2")
                .setParameter(1, folder).getResultList().stream().map(n -> ((Number) n).longValue()).toList());
        long elsewhere = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from document where folder_id is distinct from ?1 and deleted_at is null order by id limit 1")
                .setParameter(1, folder).getSingleResult()).longValue());
        String named = page(base + "&uploaded=" + ids.get(0) + "," + ids.get(1) + "," + elsewhere + ",x");
        Matcher notice = Pattern.compile("id=\"just-uploaded\">(.*?)</div>", Pattern.DOTALL).matcher(named);
        assertTrue(notice.find(), "the notice of the documents just uploaded");
        assertTrue(notice.group(1).contains("/documents/" + ids.get(0) + "\"") && notice.group(1).contains(
                "/documents/" + ids.get(1) + "\""), "both new documents, though they are on page 3");
        assertFalse(notice.group(1).contains("/documents/" + elsewhere + "\""), "not a document of another folder");
        assertFalse(page(base + "&uploaded=" + elsewhere).contains("just-uploaded"), "nothing named: no notice");

        assertTrue(titles(page(base + "&page=4")).isEmpty(), "past the last page: none");
        assertEquals(50, titles(page(base + "&page=0")).size(), "page 0 is the first");
    }

    private static String page(String path) {
        return Persona.MEMBER.request().get(path).then().statusCode(200).extract().body().asString();
    }

    private static List<String> titles(String html) {
        Matcher m = Pattern.compile("<th scope=\"row\"><a href=\"[^\"]+\">((?:acta|ACTA) \\d{3})</a>").matcher(html);
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }
}
