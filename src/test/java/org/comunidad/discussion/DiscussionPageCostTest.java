package org.comunidad.discussion;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What page 1 of a discussion of 500 replies (the benchmark's) costs this JVM, less the test
 * client's thread, in CPU time per request, beside {@code GET /api/me}: a figure that neighbours on
 * the machine inflate less than wall-clock times. Only on demand ({@code -Dcomunidad.benchmark=true}), to
 * compare two versions of the page on one machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "comunidad.benchmark", matches = "true")
class DiscussionPageCostTest {

    static final int WARMUP = 300;
    static final int RUNS = 500;

    @Inject
    EntityManager em;

    @Test
    void cpuPerRequestOfAPageOfFiftyReplies() {
        long d = Web.create(Persona.LEADER, "/api/communities/" + ConversationBehaviourTest.id(DiscussionPagingTest.SLUG)
                + "/discussions", Map.of("title", "Debate medido", "agendaTopic", "Punto 1", "opening", "Abrimos"));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into discussion_reply (discussion_id, author_id, body, created_at)
                    select :d, (select m.id from member m where m.username in ('lider.victimas', 'coord.seguridad')
                                order by m.id offset (i % 2) limit 1),
                           'Aporte número ' || i || ': una propuesta de protocolo con puntos de contacto por país.',
                           timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => i)
                    from generate_series(1, 500) i
                    """).setParameter("d", d).executeUpdate();
            em.createNativeQuery("""
                    update discussion_reply r set parent_id = (select p.id from discussion_reply p
                        where p.discussion_id = :d and p.created_at = r.created_at - interval '9 seconds')
                    where r.discussion_id = :d and extract(epoch from r.created_at)::bigint % 10 = 0
                    """).setParameter("d", d).executeUpdate();
            em.createNativeQuery("update discussion set reply_count = 500 where id = :d").setParameter("d", d)
                    .executeUpdate();
        });
        String page = DiscussionPagingTest.S + "/discussions/" + d;
        int bytes = Persona.MEMBER.request().get(page).then().statusCode(200).extract().asString()
                .getBytes(StandardCharsets.UTF_8).length;
        double discussion = cpuPerRequest(page);
        double me = cpuPerRequest("/api/me");
        System.out.printf("COST discussion page 1 of 500 replies (%d bytes, a member who wrote none): %.2f ms CPU per"
                + " request (the JVM but the client's thread: the app, GC, JIT); GET /api/me %.2f ms; load average %.1f%n", bytes, discussion, me,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The JVM's CPU time (the app's threads and the client's) per request, after a warm-up. */
    private static double cpuPerRequest(String path) {
        for (int i = 0; i < WARMUP; i++) {
            Persona.MEMBER.request().get(path).then().statusCode(200);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = os.getProcessCpuTime();
        long clientStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS; i++) {
            Persona.MEMBER.request().get(path).then().statusCode(200);
        }
        long client = threads.getCurrentThreadCpuTime() - clientStart;
        long all = os.getProcessCpuTime() - start;
        System.out.printf("COST %s: %.2f ms CPU per request in the JVM, %.2f ms of it the client's thread%n", path,
                all / 1_000_000.0 / RUNS, client / 1_000_000.0 / RUNS);
        return (all - client) / 1_000_000.0 / RUNS;
    }
}
