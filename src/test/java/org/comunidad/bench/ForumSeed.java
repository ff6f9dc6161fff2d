package org.comunidad.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.persistence.EntityManager;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.testsupport.Members;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A large forum, seeded with bulk SQL ({@code insert ... select generate_series}) into the
 * Energy working group ({@code energia}) and its subgroups, for the benchmark suite:
 * <ul>
 * <li>members ({@code bench-N}, 2,000 by default), each in one subgroup;</li>
 * <li>posts (100,000) over five weeks, news (1%), comments (every 5th post), reactions (every 2nd);</li>
 * <li>a discussion with 500 replies (threaded, by many authors) in each subgroup;</li>
 * <li>documents (10,000) in 20 folders per subgroup and loose, each with a small text file
 * written to the S3 store, its extracted text (as the extraction job leaves it) and its search
 * vector; every 5th document has a second version;</li>
 * <li>meetings (5,000) over two years back and three months ahead, the past ones held, with
 * countries' attendance, 10 invitees with answers, two agreements and an action item;</li>
 * <li>plans (10 by default) sharing 20,000 activities under the subgroups' action lines, with
 * annual plans, periods, budgets, statuses and weights (as {@code PlanLoad} builds them).</li>
 * </ul>
 */
final class ForumSeed {

    static final String GROUP = "energia";

    record Seeded(List<String> subgroups, List<Long> discussions, List<Long> plans, List<long[]> documentsBySubgroup,
            long millis, String counts) {
    }

    private final EntityManager em;
    private final ObjectStore store;

    ForumSeed(EntityManager em, ObjectStore store) {
        this.em = em;
        this.store = store;
    }

    private int update(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().timeout(1800).call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().timeout(1800).call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return (List<T>) q.getResultList();
        });
    }

    Seeded seed(int members, int posts, int documents, int meetings, int plans, int activities) throws Exception {
        long start = System.nanoTime();
        StringBuilder counts = new StringBuilder();
        List<String> subgroups = list("select c.slug from community c join community g on g.id = c.parent_id "
                + "where g.slug = ?1 order by c.id", GROUP);
        int n = subgroups.size();

        // Members, each in one subgroup (as the feed benchmark seeds them).
        Members.numbered(1, members).subject("bench-%d").username("bench%d").name("Funcionario %d")
                .countries("AR", "BR", "CL", "CO", "EC", "GY", "PY", "PE").institution("Ministerio de Energía")
                .position("Asesor").save();
        update("""
                insert into membership (community_id, member_id, role, country_code)
                select s.id, m.id, 'MEMBER', m.country_code
                from member m
                join lateral (select c.id from community c join community g on g.id = c.parent_id
                              where g.slug = ?1 order by c.id
                              offset (substring(m.subject from 7)::int % ?2) limit 1) s on true
                where m.subject like 'bench-%'
                """, GROUP, n);
        // The members who sign in (the first 50) are also members of the group itself.
        update("""
                insert into membership (community_id, member_id, role, country_code)
                select g.id, m.id, 'MEMBER', m.country_code from member m, community g
                where g.slug = ?1 and m.subject like 'bench-%' and substring(m.subject from 7)::int <= 100
                """, GROUP);
        mark(counts, "members", members, start);

        long t = System.nanoTime();
        update("""
                insert into post (community_id, group_id, author_id, body, created_at)
                select ms.community_id, g.id, ms.member_id,
                       'Publicación ' || i || ': avances del **plan de trabajo** sobre hidrógeno verde https://www.prosur.org',
                       now() - make_interval(secs => i * 30)
                from generate_series(1, ?1) i
                join community g on g.slug = ?2
                join lateral (select x.community_id, x.member_id from membership x join member m on m.id = x.member_id
                              where m.subject = 'bench-' || (1 + i % ?3) and x.community_id <> g.id limit 1) ms on true
                """, posts, GROUP, members);
        update("""
                insert into news_item (community_id, author_id, title, body, created_at)
                select g.id, m.id, 'Novedad ' || i, 'Texto de la novedad ' || i, now() - make_interval(mins => i * 7)
                from generate_series(1, ?1) i join community g on g.slug = ?2
                join member m on m.subject = 'bench-' || (1 + i % ?3)
                """, posts / 100, GROUP, members);
        update("""
                insert into post_comment (post_id, author_id, body)
                select p.id, p.author_id, 'Comentario' from post p where p.group_id = (select id from community where slug = ?1)
                and p.id % 5 = 0
                """, GROUP);
        update("""
                insert into post_reaction (post_id, member_id, kind)
                select p.id, p.author_id, 'LIKE' from post p where p.group_id = (select id from community where slug = ?1)
                and p.id % 2 = 0
                """, GROUP);
        mark(counts, "posts (with news, comments, reactions)", posts, t);

        // A discussion with 500 replies in each subgroup: every member may read their own.
        t = System.nanoTime();
        List<Long> discussions = new ArrayList<>();
        for (String sub : subgroups) {
            long id = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    insert into discussion (community_id, author_id, title, agenda_topic, opening, reply_count,
                                            created_at, last_activity_at)
                    select c.id, (select id from member where subject = 'bench-1'), 'Hoja de ruta de interconexión',
                           'Interconexión eléctrica regional',
                           'Propongo revisar la **hoja de ruta** de la interconexión y acordar los próximos pasos.',
                           500, now() - interval '30 days', now()
                    from community c where c.slug = ?1 returning id""").setParameter(1, sub).getSingleResult()))
                    .longValue();
            discussions.add(id);
            update("""
                    insert into discussion_reply (discussion_id, author_id, body, created_at)
                    select ?1, m.id, 'Respuesta ' || i || ': coincido con la propuesta; sugiero **priorizar** el tramo ' || i % 7
                           || ' y revisar el [informe](https://www.prosur.org/informe-' || i || ').',
                           now() - interval '30 days' + make_interval(mins => i * 80)
                    from generate_series(1, 500) i join member m on m.subject = 'bench-' || (1 + (i * 37) % ?2)
                    """, id, members);
            // One reply in five answers an earlier one.
            update("""
                    update discussion_reply r set parent_id = (select min(p.id) from discussion_reply p
                                                               where p.discussion_id = r.discussion_id)
                    where r.discussion_id = ?1 and r.id % 5 = 0
                    and r.id <> (select min(p.id) from discussion_reply p where p.discussion_id = ?1)
                    """, id);
        }
        mark(counts, "discussions of 500 replies", subgroups.size(), t);

        t = System.nanoTime();
        List<long[]> docs = documents(subgroups, documents);
        mark(counts, "documents (with objects in S3, text, versions)", documents, t);

        t = System.nanoTime();
        meetings(meetings, members);
        mark(counts, "meetings (with attendance, invitees, agreements, actions)", meetings, t);

        t = System.nanoTime();
        List<Long> planIds = plans(subgroups, plans, activities);
        mark(counts, "plans (" + activities + " activities)", plans, t);

        t = System.nanoTime();
        update("analyze");
        mark(counts, "analyze", 1, t);
        return new Seeded(subgroups, discussions, planIds, docs, (System.nanoTime() - start) / 1_000_000,
                counts.toString());
    }

    private static void mark(StringBuilder counts, String what, int n, long since) {
        counts.append(String.format("  %,d %s: %,d ms%n", n, what, (System.nanoTime() - since) / 1_000_000));
    }

    /** Documents by subgroup and folder; returns, per subgroup, the ids of some of its documents (for downloads). */
    private List<long[]> documents(List<String> subgroups, int count) throws Exception {
        int n = subgroups.size();
        update("""
                insert into doc_folder (group_id, community_id, name, created_by)
                select c.parent_id, c.id, 'Carpeta ' || f, (select id from member where subject = 'bench-1')
                from community c cross join generate_series(1, 20) f
                where c.parent_id = (select id from community where slug = ?1)
                """, GROUP);
        // Document i: subgroup i % n, folder (i / n) % 21 (21: loose in the subgroup's root).
        update("""
                insert into document (group_id, community_id, folder_id, title, description, doc_type, country_code,
                                      language, tags, doc_date, uploader_id, created_at, updated_at)
                select c.parent_id, c.id,
                       (select f.id from doc_folder f where f.community_id = c.id and f.name = 'Carpeta ' || ((i / ?2) % 21)),
                       'Informe técnico ' || i || ': ' || (array['interconexión eléctrica regional', 'energías renovables',
                           'eficiencia energética', 'hidrógeno verde', 'mercado eléctrico', 'transición energética'])[1 + i % 6],
                       'Documento de trabajo número ' || i,
                       (array['SECTOR_PLAN','WORK_PLAN','REPORT','MINUTES','PRESENTATION','DECLARATION','OTHER'])[1 + i % 7],
                       (array['AR','BR','CL','CO','EC','GY','PY','PE'])[1 + i % 8],
                       (array['es','es','es','pt','en'])[1 + i % 5], 'energía,región',
                       current_date - (i % 1500), m.id,
                       now() - make_interval(hours => i), now() - make_interval(hours => i)
                from generate_series(0, ?3 - 1) i
                join lateral (select c.id, c.parent_id from community c
                              where c.parent_id = (select id from community where slug = ?1)
                              order by c.id offset (i % ?2) limit 1) c on true
                join member m on m.subject = 'bench-' || (1 + i % 2000)
                """, GROUP, n, count);
        // Versions: one for every document, a second for every 5th; the text the extraction job would leave.
        update("""
                insert into document_version (document_id, number, object_key, file_name, content_type, size_bytes, sha256,
                                              created_by, created_at, text_status, content_text)
                select d.id, v.n, 'documents/bench/' || d.id || '-' || v.n, 'informe-' || d.id || '.txt', 'text/plain',
                       octet_length(convert_to(x.text, 'UTF8')), encode(sha256(convert_to(x.text, 'UTF8')), 'hex'),
                       d.uploader_id, d.created_at + make_interval(days => v.n - 1), 'DONE', x.text
                from document d
                cross join lateral (select 1 as n union all select 2 where d.id % 5 = 0) v
                cross join lateral (select d.title || ' (versión ' || v.n || ').' || repeat(' El grupo de trabajo revisó los
                avances de la interconexión eléctrica regional, las energías renovables y el hidrógeno verde en '
                || d.country_code || '.', 8) as text) x
                where d.community_id in (select id from community where parent_id = (select id from community where slug = ?1))
                """, GROUP);
        update("""
                update document d set current_version_id = v.id, version_count = v.number
                from document_version v where v.document_id = d.id
                and v.number = (select max(number) from document_version w where w.document_id = d.id)
                """);
        list("select count(*) from (select document_reindex(id) from document where search is null) x");
        // The files themselves, in the S3 store (8 at a time).
        List<Object[]> objects = list("select object_key, content_text from document_version where object_key like 'documents/bench/%'");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (Object[] o : objects) {
                byte[] bytes = ((String) o[1]).getBytes(StandardCharsets.UTF_8);
                puts.add(pool.submit(() -> store.put((String) o[0], new ByteArrayInputStream(bytes), bytes.length,
                        "text/plain")));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<long[]> bySubgroup = new ArrayList<>();
        for (String sub : subgroups) {
            List<Number> ids = list("""
                    select d.id from document d join community c on c.id = d.community_id where c.slug = ?1
                    order by d.id limit 20""", sub);
            bySubgroup.add(ids.stream().mapToLong(Number::longValue).toArray());
        }
        return bySubgroup;
    }

    private void meetings(int count, int members) {
        // Spread over the group and its subgroups, every ~4 hours from two years back to three months ahead.
        update("""
                insert into meeting (uid, community_id, title, kind, status, starts_at, ends_at, time_zone, venue, place,
                                     description, organizer_id, minutes, attendance_at)
                select 'bench-' || g || '@comunidad', c.id, 'Reunión de seguimiento ' || g,
                       (array['VIDEOCONFERENCE','WORKSHOP','IN_PERSON','HYBRID'])[1 + g % 4],
                       case when t < now() then 'HELD' else 'SCHEDULED' end, t, t + interval '90 minutes',
                       'America/Lima', case when g % 4 = 2 then 'PLACE' else 'ROOM' end,
                       case when g % 4 = 2 then 'Lima, sede de la Secretaría' end,
                       'Orden del día: informe de avance ' || g, m.id,
                       case when t < now() then 'Acta de la reunión ' || g || ': se revisaron los avances.' end,
                       case when t < now() then t + interval '2 hours' end
                from generate_series(1, ?2) g
                cross join lateral (select now() - interval '730 days' + g * (interval '820 days' / ?2) as t) tt
                cross join lateral (select c.id from community c where c.slug = ?1 or c.parent_id = (select id from community where slug = ?1)
                                    order by c.id offset (g % (select count(*) from community c where c.slug = ?1
                                        or c.parent_id = (select id from community where slug = ?1))) limit 1) c
                join member m on m.subject = 'bench-' || (1 + g % ?3)
                """, GROUP, count, members);
        update("""
                insert into meeting_country (meeting_id, country_code, attendance, represented_by)
                select m.id, c.code, case when m.status = 'HELD' then (array['PRESENT','PRESENT','EXCUSED','ABSENT'])[1 + (m.id + ascii(c.code)) % 4] end,
                       null
                from meeting m cross join (values ('AR'),('BR'),('CL'),('CO'),('EC'),('GY'),('PY'),('PE')) c(code)
                where m.uid like 'bench-%'
                """);
        update("""
                insert into meeting_invitee (meeting_id, member_id, country_code, answer, answered_at, attendance)
                select m.id, x.id, x.country_code, (array['ATTENDING','EXCUSED','NOT_ATTENDING', null])[1 + (m.id + x.id) % 4],
                       case when (m.id + x.id) % 4 < 3 then m.created_at end,
                       case when m.status = 'HELD' then (array['PRESENT','PRESENT','ABSENT'])[1 + (m.id + x.id) % 3] end
                from meeting m
                cross join lateral (select mb.member_id as id, mb.country_code from membership mb
                                    where mb.community_id = m.community_id order by (mb.member_id * 7 + m.id) % 997 limit 10) x
                where m.uid like 'bench-%'
                on conflict do nothing
                """);
        update("""
                insert into meeting_agreement (meeting_id, number, text, author_id)
                select m.id, k, 'Acuerdo ' || k || ' de la reunión ' || m.id || ': aprobar el informe de avance.', m.organizer_id
                from meeting m cross join generate_series(1, 2) k where m.uid like 'bench-%' and m.status = 'HELD'
                """);
        update("""
                insert into meeting_action (meeting_id, number, text, owner_country, due_date, status, author_id)
                select m.id, 1, 'Enviar los comentarios al informe', 'PE', (m.starts_at + interval '30 days')::date,
                       case when m.id % 3 = 0 then 'DONE' else 'OPEN' end, m.organizer_id
                from meeting m where m.uid like 'bench-%' and m.status = 'HELD'
                """);
    }

    /** Plans of the group, each with a goal, three subgroups' objectives and lines, and its share of the activities. */
    private List<Long> plans(List<String> subgroups, int count, int activities) {
        List<Long> ids = new ArrayList<>();
        long coordinator = ((Number) list("select id from member where subject = 'bench-1'").get(0)).longValue();
        for (int p = 0; p < count; p++) {
            int planNumber = p;
            long plan = ((Number) list("""
                    insert into plan (community_id, scheme_id, title, start_year, end_year, created_by)
                    select c.id, (select id from plan_scheme where code = 'prosur'), 'Plan sectorial de energía ' || ?2,
                           2021, 2030, ?3
                    from community c where c.slug = ?1 returning id""", GROUP, planNumber + 1, coordinator).get(0))
                    .longValue();
            ids.add(plan);
            long goal = item(plan, null, 1, 1, GROUP, "Objetivo general", coordinator);
            int per = activities / count;
            for (int i = 0; i < 3; i++) {
                String sub = subgroups.get(i % subgroups.size());
                long spec = item(plan, goal, 2, i + 1, sub, "Objetivo específico " + (i + 1), coordinator);
                long line = item(plan, spec, 3, 1, sub, "Línea de acción " + (i + 1), coordinator);
                long year = ((Number) list("""
                        insert into plan_year (plan_id, community_id, year, created_by)
                        select ?1, c.id, 2021, ?3 from community c where c.slug = ?2 returning id""", plan, sub, coordinator)
                        .get(0)).longValue();
                int from = per * i / 3;
                int to = per * (i + 1) / 3;
                update("""
                        insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title,
                                               period_text, period_kind, period_start, period_end, budget_amount,
                                               budget_currency, funding_source, responsible_country, status, progress,
                                               weight, created_by)
                        select ?1, ?2, 4, g, (select id from community where slug = ?3), ?4, 'Actividad ' || g,
                               case g % 4 when 0 then 'Primer bimestre 2021' when 1 then to_char(current_date + (g % 120) - 60, 'DD/MM/YYYY')
                                          when 2 then 'Por definir.' else 'Continuidad' end,
                               case g % 4 when 0 then 'BIMESTER' when 1 then 'DATE' when 2 then 'TO_BE_DEFINED' else 'CONTINUING' end,
                               case g % 4 when 0 then date '2021-01-01' when 1 then current_date + (g % 120) - 60 end,
                               case g % 4 when 0 then date '2021-02-28' when 1 then current_date + (g % 120) - 60 end,
                               100 + g, case when g % 2 = 0 then 'USD' else 'EUR' end, 'Fondo ' || (g % 5), 'PE',
                               (array['PLANNED','IN_PROGRESS','DONE','POSTPONED','CANCELLED'])[1 + g % 5], g % 101,
                               1 + g % 3, ?5
                        from generate_series(?6, ?7) g""", plan, line, sub, year, coordinator, from, to - 1);
            }
        }
        return ids;
    }

    private long item(long plan, Long parent, int depth, int position, String community, String title, long by) {
        return ((Number) list("""
                insert into plan_item (plan_id, parent_id, depth, position, community_id, title, created_by)
                select ?1, nullif(?2, 0), ?3, ?4, c.id, ?5, ?6 from community c where c.slug = ?7 returning id""",
                plan, parent == null ? 0L : parent, depth, position, title, by, community).get(0)).longValue();
    }
}
