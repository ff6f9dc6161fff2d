package org.comunidad.platform.jobs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.notification.Emails;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What Prometheus scrapes from /q/metrics moves with the work: a job's run, an upload and an
 * email each move their counters (the names the Grafana dashboard and the alert rules in
 * deploy/ use).
 */
@QuarkusTest
class MetricsTest {

    @Inject
    Jobs jobs;

    @Inject
    Emails emails;

    @Inject
    EntityManager em;

    @Test
    void aJobRunAnUploadAndAnEmailMoveTheirCountersOnQMetrics() {
        String job = "metrics-test-" + System.nanoTime();
        String before = scrape();
        double uploads = value(before, "comunidad_uploads_total", Map.of("outcome", "success"));
        double bytes = value(before, "comunidad_upload_bytes_total", Map.of());
        double sent = value(before, "comunidad_emails_total", Map.of("kind", "immediate", "outcome", "sent"));

        assertEquals(Jobs.Outcome.SUCCESS, jobs.run(job, Duration.ofMinutes(1), () -> {
        }));
        assertEquals(Jobs.Outcome.FAILURE, jobs.run(job, java.time.Instant.now().plusSeconds(3600), () -> {
            throw new IllegalStateException("broken");
        }));
        byte[] pdf = TestFiles.pdf("Métricas");
        Response upload = Uploads.upload(Persona.MEMBER, "/c/seguridad-asistencia-victimas/documents/upload",
                "metricas.pdf", pdf, Uploads.report("Documento de las métricas"));
        assertEquals(201, upload.statusCode(), upload.body().asString());
        ComunidadTestResource.services().mail().purge();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update member set email_opt_out = false where username = 'pf.brasil'").executeUpdate();
            em.createNativeQuery("delete from notification_setting where member_id = (select id from member where "
                    + "username = 'pf.brasil') and kind = 'MENTION'").executeUpdate();
            em.createNativeQuery("""
                    insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt)
                    select m.id, 'MENTION', 'metrics-test:' || ?1, c.id, a.id, '/c/salud/news/910001', 'Métricas'
                    from member m, member a, community c
                    where m.username = 'pf.brasil' and a.username = 'coord.seguridad' and c.slug = 'salud'""")
                    .setParameter(1, job).executeUpdate();
        });
        assertTrue(emails.sendImmediate() >= 1);

        String after = scrape();
        assertEquals(1.0, value(after, "comunidad_job_runs_total", Map.of("job", job, "outcome", "success")));
        assertEquals(1.0, value(after, "comunidad_job_runs_total", Map.of("job", job, "outcome", "failure")));
        assertEquals(2.0, value(after, "comunidad_job_duration_seconds_count", Map.of("job", job)));
        assertTrue(Double.isFinite(value(after, "comunidad_job_lag_seconds", Map.of("job", job))));
        assertEquals(uploads + 1, value(after, "comunidad_uploads_total", Map.of("outcome", "success")));
        assertEquals(bytes + pdf.length, value(after, "comunidad_upload_bytes_total", Map.of()));
        assertTrue(value(after, "comunidad_emails_total", Map.of("kind", "immediate", "outcome", "sent")) >= sent + 1,
                after);
    }

    private static String scrape() {
        Response metrics = given().get("/q/metrics");
        assertEquals(200, metrics.statusCode());
        return metrics.body().asString();
    }

    /** The sample of {@code name} with these labels (0 when absent: a counter not yet moved). */
    static double value(String exposition, String name, Map<String, String> labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)").matcher(exposition);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
