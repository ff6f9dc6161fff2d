package org.comunidad.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The document pages run a fixed number of SQL statements whatever the number of
 * documents (3 and 300, by many uploaders from several countries) and of a document's
 * versions and translations (3 and 300 versions, 3 and 30 translations).
 */
@QuarkusTest
class DocumentSqlCountTest {

    static final String GROUP = "salud";

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Test
    void documentPagesDoNotGrowWithContent() {
        String subgroup = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select slug from community where parent_id = (select id from community where slug = ?1) order by id limit 1")
                .setParameter(1, GROUP).getSingleResult());
        long main = seed(subgroup, 0, 3, 3);
        Map<String, Long> small = countAll(subgroup, main);
        seed(subgroup, 3, 297, 297);
        Map<String, Long> large = countAll(subgroup, main);

        assertTrue(count("select count(*) from document d join community c on c.id = d.community_id where c.slug = '"
                + subgroup + "' and d.deleted_at is null") >= 300);
        assertTrue(count("select count(*) from document_version where document_id = " + main) >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 documents");
        });
        System.out.printf("SQL statements per document page (3 -> 300 documents): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll(String subgroup, long main) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : new String[] { "/c/" + GROUP + "/documents", "/c/" + subgroup + "/documents",
                "/c/" + subgroup + "/documents/" + main, "/documents", "/documents?q=informe",
                "/documents?q=informe&type=REPORT&country=CO", "/search?q=informe" }) {
            Persona.ADMIN.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> Persona.ADMIN.request().get(path).then().statusCode(200)));
        }
        return counts;
    }

    /** Uploaders (members), documents with one version each, and versions and translations of the main one. */
    private long seed(String subgroup, int offset, int count, int extraVersions) {
        Members.numbered(offset, offset + count - 1).subject("doc-%d").username("doc%d").name("Autora %d")
                .countries("CO", "PE", "CL", "PY").institution("Ministerio").position("Asesora").save();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    insert into document (group_id, community_id, title, description, doc_type, country_code, language,
                                          tags, uploader_id)
                    select c.parent_id, c.id, 'Informe ' || m.subject, 'Informe de ' || m.subject,
                           (array['REPORT','MINUTES','WORK_PLAN'])[1 + m.id % 3], m.country_code,
                           (array['es','pt','en'])[1 + m.id % 3], 'salud, informe', m.id
                    from community c, member m where c.slug = :s
                      and m.subject in (select 'doc-' || i from generate_series(:from, :to) i)
                    """).setParameter("s", subgroup).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into document_version (document_id, number, object_key, file_name, content_type, size_bytes,
                                                  sha256, created_by, text_status, content_text)
                    select d.id, 1, 'documents/test/' || d.id || '-1', 'informe.pdf', 'application/pdf', 1000 + d.id,
                           repeat('a', 64), d.uploader_id, 'DONE', 'Texto del informe ' || d.id
                    from document d where d.current_version_id is null and d.title like 'Informe doc-%'
                    """).executeUpdate();
            em.createNativeQuery("""
                    update document d set current_version_id = v.id, version_count = 1
                    from document_version v where v.document_id = d.id and d.current_version_id is null
                    """).executeUpdate();
            em.createNativeQuery("select document_reindex(id) from document where title like 'Informe doc-%'")
                    .getResultList();
            long main = ((Number) em.createNativeQuery(
                    "select min(d.id) from document d where d.title like 'Informe doc-%'").getSingleResult()).longValue();
            // The main document gains versions by many uploaders, and translations.
            em.createNativeQuery("""
                    insert into document_version (document_id, number, object_key, file_name, content_type, size_bytes,
                                                  sha256, created_by, comment)
                    select :d, (select max(number) from document_version where document_id = :d) + k,
                           'documents/test/' || :d || '-v' || ((select max(number) from document_version where document_id = :d) + k),
                           'informe-v.pdf', 'application/pdf', 2000 + k, repeat('b', 64),
                           (select id from member where subject like 'doc-%' order by id offset (k % (select count(*) from member where subject like 'doc-%')) limit 1),
                           'Versión ' || k
                    from generate_series(1, :n) k
                    """).setParameter("d", main).setParameter("n", extraVersions).executeUpdate();
            em.createNativeQuery("""
                    update document set version_count = (select max(number) from document_version where document_id = :d)
                    where id = :d""").setParameter("d", main).executeUpdate();
            em.createNativeQuery("""
                    update document set translation_set = :d where id in (
                        select id from document where title like 'Informe doc-%' order by id limit :n)
                    """).setParameter("d", main).setParameter("n", Math.min(30, offset + count)).executeUpdate();
            return main;
        });
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult())
                .longValue());
    }
}
