package org.comunidad.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.demo.DemoContent;
import org.comunidad.platform.security.Accounts;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The Security group's sector plan (demo/plan.sql: the general objective and the subgroups'
 * specific objectives from seed 001), then its three 2021 work plans from seed 001, section 7
 * (demo/plan/*.csv), imported through the import itself (preview, then confirmation, as the
 * subgroup's leader or, where the demo has none, the coordinator), then a few tasks: one
 * overdue, one made from a meeting's action item. Once: nothing is done when the plan already
 * has annual plans.
 */
@ApplicationScoped
public class PlanDemo implements DemoContent {

    private static final Logger LOG = Logger.getLogger(PlanDemo.class);

    /** Subgroup, its table, who imports it. */
    static final List<String[]> TABLES = List.of(
            new String[] { "seguridad-delincuencia-organizada", "demo/plan/seed001-dot.csv", "coord.seguridad" },
            new String[] { "seguridad-asistencia-victimas", "demo/plan/seed001-victimas.csv", "lider.victimas" },
            new String[] { "seguridad-prevencion-violencia-genero", "demo/plan/seed001-prevencion.csv", "coord.seguridad" });

    @Inject
    EntityManager em;

    @Inject
    PlanTransferService transfers;

    @Inject
    Accounts accounts;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String script() {
        return "demo/plan.sql";
    }

    @Override
    public void loadAfterScripts() {
        Long plan = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select p.id from Plan p where p.community.slug = 'seguridad' and p.startYear = 2020
                and not exists (select 1 from PlanYear y where y.plan = p) order by p.id""", Long.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null));
        if (plan == null) {
            return;
        }
        for (String[] table : TABLES) {
            Viewer viewer = QuarkusTransaction.requiringNew().call(() -> viewer(table[2]));
            long community = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select id from community where slug = ?1").setParameter(1, table[0]).getSingleResult()).longValue());
            PlanTransferService.ImportPreview preview = transfers.preview(viewer, CommunityRef.slug("seguridad"), plan,
                    String.valueOf(community), "2021", table[1].substring(table[1].lastIndexOf('/') + 1), bytes(table[1]),
                    "es").orElseThrow();
            transfers.confirm(viewer, CommunityRef.slug("seguridad"), plan, String.valueOf(community), "2021",
                    preview.table()).orElseThrow();
        }
        QuarkusTransaction.requiringNew().run(() -> tasks(plan));
        LOG.info("Demo work plans imported in the Security working group");
    }

    private Viewer viewer(String username) {
        long id = ((Number) em.createNativeQuery("select id from member where username = ?1").setParameter(1, username)
                .getSingleResult()).longValue();
        var grants = accounts.grantsOf(id);
        // The realm roles Keycloak gives the demo official: those their community roles need.
        Set<String> roles = grants.stream().map(g -> g.role().requiredRealmRole()).collect(Collectors.toSet());
        return new Viewer(id, roles, grants);
    }

    /** A few tasks: one overdue on a product, one due in three weeks, one done, one following a meeting's action item. */
    private void tasks(long plan) {
        em.createNativeQuery("""
                insert into task (community_id, title, description, assignee_id, period_text, period_kind, period_start,
                                  period_end, status, item_id, created_by, done_at)
                select c.id, v.title, v.description, a.id, v.written, v.kind, v.start_day, v.end_day, v.status,
                       (select i.id from plan_item i where i.plan_id = ?1 and i.title like v.item || '%' order by i.id limit 1),
                       b.id, case when v.status = 'DONE' then now() - interval '3 days' end
                from (values
                 ('seguridad-asistencia-victimas', 'Preparar el cuestionario del diagnóstico regional',
                  'Preguntas sobre brechas en los mecanismos de protección y asistencia en los retornos.',
                  'pf.peru', 'Segundo semestre 2020', 'SEMESTER', date '2020-07-01', date '2020-12-31', 'OPEN',
                  'Diagnóstico regional', 'lider.victimas'),
                 ('seguridad-asistencia-victimas', 'Reunir los contactos consulares de cada país',
                  'Una lista de contrapartes en el extranjero para los retornos asistidos.',
                  'pf.peru', to_char(current_date + 20, 'DD/MM/YYYY'), 'DATE', current_date + 20, current_date + 20,
                  'IN_PROGRESS', 'Generación de mecanismos', 'lider.victimas'),
                 ('seguridad-prevencion-violencia-genero', 'Difundir el evento virtual del informe regional', null,
                  'pf.peru', 'Oct – dic. 2020', 'MONTH_RANGE', date '2020-10-01', date '2020-12-31', 'DONE',
                  'Evento virtual', 'coord.seguridad')
                ) as v(slug, title, description, assignee, written, kind, start_day, end_day, status, item, author)
                join community c on c.slug = v.slug
                join member a on a.username = v.assignee
                join member b on b.username = v.author""").setParameter(1, plan).executeUpdate();
        // The action item "send a proposal on cybersecurity" of the videoconference of 06.08.2020, followed by a task.
        em.createNativeQuery("""
                insert into task (community_id, title, assignee_id, period_text, period_kind, period_start, period_end,
                                  status, source, source_id, created_by)
                select mt.community_id, a.text, m.id, '30/10/2020', 'DATE', a.due_date, a.due_date, 'IN_PROGRESS',
                       'MEETING_ACTION', a.id, m.id
                from meeting_action a join meeting mt on mt.id = a.meeting_id
                join member m on m.username = 'coord.seguridad'
                where mt.uid = 'seguridad-2020-08-06@demo.prosur.example' and a.number = 3""").executeUpdate();
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
