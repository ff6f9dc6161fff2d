package org.comunidad.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.content.GroupYear;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.i18n.MessageBundles;

/**
 * The meetings a working group and its subgroups held in a year, with their numbered agreements,
 * for the group's activity report ({@link GroupYear}): those that started before now and were not
 * cancelled, dated in their own time zone, read by the members of the group (MeetingAccess.sees)
 * and the admin. One statement.
 */
@ApplicationScoped
public class MeetingYear implements GroupYear {

    @Inject
    EntityManager em;

    @Override
    public String key() {
        return "meetings";
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public List<Entry> entries(Viewer viewer, long groupId, int year, String language) {
        if (!CommunityAccess.canViewGroup(viewer, groupId)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select m.id, m.title, m.kind, cast(m.starts_at at time zone m.time_zone as date) as day, c.slug, c.name_es, c.name_pt, c.name_en,
                       a.number, a.text
                from meeting m
                join community c on c.id = m.community_id
                left join meeting_agreement a on a.meeting_id = m.id
                where (c.id = :group or c.parent_id = :group) and m.status <> 'CANCELLED' and m.starts_at < now()
                  and extract(year from m.starts_at at time zone m.time_zone) = :year
                order by m.starts_at, m.id, a.number""", Tuple.class)
                .setParameter("group", groupId).setParameter("year", year).getResultList();
        MeetingMessages messages = MessageBundles.get(MeetingMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(language));
        Map<Long, Entry> byMeeting = new LinkedHashMap<>();
        for (Tuple r : rows) {
            long id = ((Number) r.get("id")).longValue();
            Entry entry = byMeeting.computeIfAbsent(id, k -> {
                LocalDate date = SqlValues.date(r.get("day"));
                String community = new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                        r.get("name_en", String.class)).in(language);
                return new Entry(date, r.get("title", String.class), community,
                        messages.kind(Meeting.Kind.valueOf(r.get("kind", String.class))), new ArrayList<>(),
                        Links.community(r.get("slug", String.class), "meetings", id));
            });
            Number number = (Number) r.get("number");
            if (number != null) {
                entry.details().add(number.intValue() + ". " + r.get("text", String.class));
            }
        }
        return List.copyOf(byMeeting.values());
    }
}
