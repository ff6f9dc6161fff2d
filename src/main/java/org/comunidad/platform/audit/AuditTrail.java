package org.comunidad.platform.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;

/**
 * Reading the audit log: a working group's entries (its own and its subgroups'), or all
 * of them for the forum admin; newest first, paged by id, filtered by action and dates;
 * and the same as CSV, streamed row by row.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int PAGE_SIZE = 50;

    public record Filters(String action, LocalDate from, LocalDate to, Long before) {
    }

    public record Entry(long id, OffsetDateTime at, String actor, String actorCountry, Localized community,
            String action, String targetType, Long targetId, String detail, String requestId) {
    }

    public record Page(List<Entry> entries, Long nextBefore) {
    }

    @Inject
    EntityManager em;

    /** groupId null: every community (the forum admin's view). */
    @Transactional
    public Page page(Long groupId, Filters filters, ZoneId zone) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = select(groupId, filters, zone, params) + " order by a.id desc limit " + (PAGE_SIZE + 1);
        Query query = em.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), PAGE_SIZE); i++) {
            entries.add(entry(rows.get(i)));
        }
        Long next = rows.size() > PAGE_SIZE ? entries.get(entries.size() - 1).id() : null;
        return new Page(entries, next);
    }

    /** Every matching entry as CSV (UTF-8 with a byte order mark, so spreadsheets read the accents). */
    @Transactional
    public void csv(Long groupId, Filters filters, ZoneId zone, List<String> header, String language, OutputStream out)
            throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = select(groupId, new Filters(filters.action(), filters.from(), filters.to(), null), zone, params)
                + " order by a.id desc";
        Query query = em.createNativeQuery(sql, Tuple.class).setHint("org.hibernate.fetchSize", 500);
        params.forEach(query::setParameter);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');
        writer.write(String.join(",", header.stream().map(org.comunidad.platform.web.Csv::cell).toList()));
        writer.write("\r\n");
        @SuppressWarnings("unchecked")
        Stream<Tuple> rows = query.getResultStream();
        try (rows) {
            var iterator = rows.iterator();
            while (iterator.hasNext()) {
                Entry e = entry(iterator.next());
                writer.write(String.join(",", org.comunidad.platform.web.Csv.cell(e.at().atZoneSameInstant(zone).toOffsetDateTime().toString()),
                        org.comunidad.platform.web.Csv.cell(e.actor()), org.comunidad.platform.web.Csv.cell(e.actorCountry()), org.comunidad.platform.web.Csv.cell(e.community() == null ? "" : e.community().in(language)),
                        org.comunidad.platform.web.Csv.cell(e.action()), org.comunidad.platform.web.Csv.cell(e.targetType()), org.comunidad.platform.web.Csv.cell(e.targetId() == null ? "" : e.targetId().toString()),
                        org.comunidad.platform.web.Csv.cell(e.detail()),
                        org.comunidad.platform.web.Csv.cell(e.requestId() == null ? "" : e.requestId())));
                writer.write("\r\n");
            }
        }
        writer.flush();
    }

    private static String select(Long groupId, Filters f, ZoneId zone, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                select a.id as id, a.at as at, m.display_name as actor, m.country_code as actor_country,
                       c.name_es as name_es, c.name_pt as name_pt, c.name_en as name_en, a.action as action,
                       a.target_type as target_type, a.target_id as target_id, a.detail as detail,
                       a.request_id as request_id
                from audit_log a left join member m on m.id = a.actor_id left join community c on c.id = a.community_id
                where true""");
        if (groupId != null) {
            sql.append(" and a.community_id in (select id from community where id = :group or parent_id = :group)");
            params.put("group", groupId);
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and a.action = :action");
            params.put("action", f.action());
        }
        if (f.from() != null) {
            sql.append(" and a.at >= :from");
            params.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" and a.at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.before() != null) {
            sql.append(" and a.id < :before");
            params.put("before", f.before());
        }
        return sql.toString();
    }

    private static Entry entry(Tuple r) {
        String es = r.get("name_es", String.class);
        Localized community = es == null ? null
                : new Localized(es, r.get("name_pt", String.class), r.get("name_en", String.class));
        Number target = r.get("target_id", Number.class);
        return new Entry(r.get("id", Number.class).longValue(), SqlValues.timestamp(r.get("at")),
                r.get("actor", String.class), r.get("actor_country", String.class), community,
                r.get("action", String.class), r.get("target_type", String.class),
                target == null ? null : target.longValue(), r.get("detail", String.class),
                r.get("request_id", String.class));
    }


}
