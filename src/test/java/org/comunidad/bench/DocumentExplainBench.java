package org.comunidad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What the document list and the upload cost PostgreSQL on the suite's 10,000 documents
 * (`./mvnw -B -o verify -Dcomunidad.benchmark=true -Dbench=explain-documents
 * -Dtest=DocumentExplainBench`): seeds the forum as {@link ForumSeed} does (only the documents
 * at full size), runs the pages, and writes every statement they ran (pg_stat_statements: calls,
 * time and buffers per call) and EXPLAIN (ANALYZE, BUFFERS) of the ones that read the most to
 * target/benchmark/explain-documents.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = ".*explain-documents.*")
class DocumentExplainBench {

    static final String SUB = "energia-integracion";

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    private final StringBuilder out = new StringBuilder();

    @Test
    void explain() throws Exception {
        new ForumSeed(em, store).seed(2_000, 1_000, Integer.getInteger("bench.documents", 10_000), 10, 1, 10);
        // pf.peru (a member in the demo) joins the subgroup so that she may upload there.
        run("""
                insert into membership (community_id, member_id, role, country_code)
                select c.id, m.id, 'MEMBER', m.country_code from community c, member m
                where c.slug in ('energia', ?1) and m.username = 'pf.peru' on conflict do nothing""", SUB);
        run("create extension if not exists pg_stat_statements");
        String list = "/c/" + SUB + "/documents";
        for (int i = 0; i < 20; i++) { // warm-up
            Persona.MEMBER.request().get(list).then().statusCode(200);
            upload(i);
        }
        int n = 50;
        statements("document list " + list + ", " + n + " requests", n, () -> {
            for (int i = 0; i < n; i++) {
                Persona.MEMBER.request().get(list).then().statusCode(200);
            }
        });
        statements("upload POST " + list + "/upload, " + n + " requests (2 KB text)", n, () -> {
            for (int i = 0; i < n; i++) {
                upload(100 + i);
            }
        });
        explainAll();
        Path file = Path.of("target/benchmark/explain-documents.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
    }

    private void upload(int i) {
        byte[] text = ("Nota " + i + ". " + "El grupo revisó la interconexión eléctrica regional. ".repeat(40)).getBytes();
        Response r = Uploads.upload(Persona.MEMBER, "/c/" + SUB + "/documents/upload", "nota-" + i + ".txt", text,
                Uploads.report("Nota " + i));
        assertEquals(201, r.statusCode(), r.body().asString());
    }

    private void statements(String title, int requests, Runnable action) throws Exception {
        // Let the text extraction of the warm-up uploads finish before counting.
        Thread.sleep(3000);
        run("select pg_stat_statements_reset()");
        long pg = ProcStats.postmaster(org.comunidad.testsupport.ComunidadTestResource.services().postgres().port())
                .orElseThrow();
        long self = ProcessHandle.current().pid();
        long app0 = ProcStats.cpu(self);
        long pg0 = ProcStats.postgresCpu(pg);
        long t0 = System.nanoTime();
        action.run();
        long wall = System.nanoTime() - t0;
        long app1 = ProcStats.cpu(self);
        long pg1 = ProcStats.postgresCpu(pg);
        Thread.sleep(3000);
        out.append(String.format("%n%s: CPU per request, this JVM (the app and the test's HTTP client) %.2f ms, "
                + "PostgreSQL %.2f ms, one at a time in %.1f ms of wall time%n", title, (app1 - app0) / 1e6 / requests,
                (pg1 - pg0) / 1e6 / requests, wall / 1e6 / requests));
        out.append("\n== ").append(title).append(" (per request; pg_stat_statements)\n");
        out.append(String.format("%8s %8s %10s %10s  %s%n", "calls/rq", "rows/rq", "ms/rq", "blks/rq", "statement"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select calls, rows, total_exec_time, shared_blks_hit + shared_blks_read, query
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                and query not like '%pg_stat_statements%'
                order by total_exec_time desc""").getResultList());
        double totalMs = 0;
        for (Object[] r : rows) {
            double ms = ((Number) r[2]).doubleValue();
            totalMs += ms;
            out.append(String.format("%8.2f %8.1f %10.3f %10.1f  %s%n", ((Number) r[0]).doubleValue() / requests,
                    ((Number) r[1]).doubleValue() / requests, ms / requests, ((Number) r[3]).doubleValue() / requests,
                    ((String) r[4]).replaceAll("\\s+", " ")));
        }
        out.append(String.format("total execution time per request: %.3f ms%n", totalMs / requests));
    }

    private void explainAll() {
        long sub = ((Number) single("select id from community where slug = '" + SUB + "'")).longValue();
        long group = ((Number) single("select parent_id from community where slug = '" + SUB + "'")).longValue();
        long version = ((Number) single("select max(id) from document_version")).longValue();
        explain("the group's stored bytes, as before V20 (DocumentStorage)", """
                select sum(v.size_bytes) from document_version v join document d on d.id = v.document_id
                where d.group_id = """ + group);
        explain("the group's stored bytes, the counter (V20)",
                "select bytes from document_storage where group_id = " + group);
        explain("a folder's documents as listed before (all of them, with their uploaders)", """
                select d.*, u.*, uc.*, v.*, c.* from document d join member u on u.id = d.uploader_id
                left join country uc on uc.code = u.country_code
                left join document_version v on v.id = d.current_version_id
                left join country c on c.code = d.country_code
                where d.community_id = """ + sub + " " + """
                and d.deleted_at is null and (d.folder_id = null or (null::bigint is null and d.folder_id is null))
                 order by lower(d.title), d.id""");
        explain("a folder's page of documents (top level, first page)", """
                select d.*, v.*, c.* from document d left join document_version v on v.id = d.current_version_id
                left join country c on c.code = d.country_code
                where d.community_id = """ + sub + " " + """
                and d.deleted_at is null and d.folder_id is null order by lower(d.title), d.id limit 51""");
        explain("the folders of the top level", "select * from doc_folder where community_id = " + sub
                + " and parent_id is null order by lower(name)");
        explain("extraction's reindex lookup",
                "select d.id from document d where d.current_version_id = " + version);
    }

    private void explain(String title, String sql) {
        out.append("\n== EXPLAIN (ANALYZE, BUFFERS): ").append(title).append("\n").append(sql.replaceAll("\\s+", " "))
                .append("\n");
        try {
            @SuppressWarnings("unchecked")
            List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "explain (analyze, buffers) " + sql).getResultList());
            plan.forEach(line -> out.append("  ").append(line).append("\n"));
        } catch (RuntimeException e) {
            out.append("  (not on this schema: ").append(e.getMessage()).append(")\n");
        }
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult());
    }

    private void run(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            if (sql.strip().startsWith("select")) {
                q.getResultList();
            } else {
                q.executeUpdate();
            }
        });
    }
}
