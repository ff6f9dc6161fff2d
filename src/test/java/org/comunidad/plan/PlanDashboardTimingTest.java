package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The dashboard of a plan with 2,000 activities answers in under 300 ms (the figure),
 * measured through HTTP as a member sees it, after a warm-up: 20 requests, the median, fastest
 * and slowest printed (docs/benchmarks.md keeps them), with the same figures for a plan of 3
 * activities (what any page costs on the machine at that moment) and the machine's load. The
 * timeline is measured alongside.
 *
 * <p>Wall-clock times on a machine whose cores are oversubscribed (load average above twice the
 * cores, as when several builds share it) say more about the neighbours than about the page; so
 * the test also measures the CPU time the JVM (the app and the test's client) spends per request,
 * which the neighbours do not inflate, and the time to read the tree ({@link PlanTree#load}).
 * It holds the CPU time per request under 300 ms always, and the median wall-clock time under
 * 300 ms when the machine is not oversubscribed (it says which it held).
 */
@QuarkusTest
class PlanDashboardTimingTest {

    static final int ACTIVITIES = 2000;
    static final int RUNS = 20;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void theDashboardOfTwoThousandActivitiesAnswersInUnder300Ms() {
        PlanLoad small = new PlanLoad("Plan de carga de tiempos, 3").upTo(3);
        PlanLoad load = new PlanLoad("Plan de carga de tiempos").upTo(ACTIVITIES);
        try {
            assertEquals(ACTIVITIES, Db.number("select count(*) from plan_item where plan_id = ?1 and depth = 4", load.plan));
            String base = "/c/seguridad/plans/" + load.plan;
            long[] dashboard = measure(base + "/dashboard");
            long[] year = measure(base + "/dashboard?year=2021");
            long[] timeline = measure(base + "/timeline");
            long[] baseline = measure("/c/seguridad/plans/" + small.plan + "/dashboard");
            double cpu = cpuPerRequest(base + "/dashboard");
            double cpuSmall = cpuPerRequest("/c/seguridad/plans/" + small.plan + "/dashboard");
            long[] tree = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                int size = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> PlanTree.load(em, load.plan).inOrder().size());
                tree[i] = (System.nanoTime() - start) / 1_000_000;
                assertEquals(ACTIVITIES + 7, size);
            }
            Arrays.sort(tree);
            double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int cores = Runtime.getRuntime().availableProcessors();
            print("dashboard", ACTIVITIES, dashboard);
            print("dashboard?year=2021", ACTIVITIES, year);
            print("timeline", ACTIVITIES, timeline);
            print("dashboard", 3, baseline);
            print("PlanTree.load", ACTIVITIES, tree);
            System.out.printf("TIMING CPU per request (app and client, this JVM): dashboard with %d activities %.0f ms,"
                    + " with 3 activities %.0f ms%n", ACTIVITIES, cpu, cpuSmall);
            System.out.printf("TIMING load average %.1f on %d cores%n", loadAverage, cores);
            assertTrue(cpu < 300, "CPU per request " + cpu + " ms");
            if (loadAverage > 2 * cores) {
                System.out.println("TIMING the machine is oversubscribed: held the CPU time per request under 300 ms,"
                        + " not the wall-clock time");
            } else {
                assertTrue(median(dashboard) < 300, "dashboard median " + median(dashboard) + " ms");
                assertTrue(median(year) < 300, "dashboard of a year median " + median(year) + " ms");
            }
        } finally {
            load.delete();
            small.delete();
        }
    }

    private static long[] measure(String path) {
        for (int i = 0; i < 15; i++) {
            Persona.MEMBER.request().get(path).then().statusCode(200);
        }
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Response r = Persona.MEMBER.request().get(path);
            r.then().statusCode(200);
            r.asByteArray();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** The JVM's CPU time (all its threads: the app's and the client's) per request, over 20 requests. */
    private static double cpuPerRequest(String path) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        for (int i = 0; i < RUNS; i++) {
            Persona.MEMBER.request().get(path).then().statusCode(200);
        }
        return (os.getProcessCpuTime() - start) / 1_000_000.0 / RUNS;
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void print(String what, int activities, long[] sorted) {
        System.out.printf("TIMING %s with %d activities: median %d ms, fastest %d ms, slowest %d ms (%d runs)%n", what,
                activities, median(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
