package org.comunidad.presidency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;

/**
 * The forum's pro tempore presidencies: the history of those held (a presidency ends the
 * day the next one starts), the planned next one, and the troika they make (previous,
 * current, next). The forum is the installation's one forum: the groups of this
 * platform are all of it.
 */
@ApplicationScoped
public class Presidencies {

    /** The installation's forum, in every statement (one forum per installation). */
    static final String FORUM = "(select min(id) from forum)";

    /** A presidency held or planned; {@code endsOn} is the next one's start (null while it lasts). */
    public record Term(long id, String countryCode, Localized country, LocalDate startsOn, LocalDate endsOn,
            boolean planned, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** The outgoing (previous), current and incoming (next, planned) presidencies; each may be missing. */
    public record Troika(Term previous, Term current, Term next) {

        public static final Troika NONE = new Troika(null, null, null);

        public boolean isEmpty() {
            return previous == null && current == null && next == null;
        }
    }

    /** A member country of the forum, the ones that may hold the presidency. */
    public record CountryChoice(String code, Localized name) {
    }

    /** The presidency page: the troika, the history (newest first) and the countries to choose from. */
    public record Overview(Troika troika, List<Term> history, List<CountryChoice> countries) {
    }

    @Inject
    EntityManager em;

    /** The troika alone (every member sees it), in one statement. */
    @Transactional
    public Troika troika() {
        return troikaOf(terms(2));
    }

    /** Everything the presidency page shows, in two statements whatever the history's length. */
    @Transactional
    public Overview overview() {
        List<Term> terms = terms(Integer.MAX_VALUE);
        List<Term> history = terms.stream().filter(t -> !t.planned()).toList();
        return new Overview(troikaOf(terms), history, countries());
    }

    /** The forum's member countries (observers do not hold the presidency), by Spanish name. */
    @Transactional
    public List<CountryChoice> countries() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select c.code, c.name_es, c.name_pt, c.name_en from forum_country fc join country c on c.code = fc.country_code
                where fc.forum_id = %s and fc.status = 'MEMBER' order by c.name_es""".formatted(FORUM), Tuple.class)
                .getResultList();
        return rows.stream().map(r -> new CountryChoice(r.get("code", String.class), localized(r))).toList();
    }

    /**
     * Records the incoming presidency agreed in advance (it replaces the planned one, if
     * any): the troika shows it as next; nothing else changes until the rotation.
     */
    @Transactional
    public Optional<Long> plan(Viewer viewer, String countryCode, String startsOn) {
        Optional<Long> locked = lockForum();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        long forum = locked.get();
        Troika troika = troika();
        Validation.Checked input = Validation.check(countryCode, startsOn, countries(), troika.current(), null);
        em.createNativeQuery("delete from presidency where forum_id = ?1 and status = 'PLANNED'")
                .setParameter(1, forum).executeUpdate();
        long id = insert(forum, input.country().code(), input.startsOn(), "PLANNED", viewer.memberId());
        AuditLog.record(viewer.memberId(), null, "PRESIDENCY_PLAN", "presidency", id,
                input.country().code() + " from " + input.startsOn() + (troika.next() == null ? ""
                        : " (replaces " + troika.next().countryCode() + " from " + troika.next().startsOn() + ")"));
        return Optional.of(id);
    }

    /** Locks the forum's row: presidencies are recorded one at a time. Empty when there is no forum yet. */
    Optional<Long> lockForum() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from forum where id = %s for update".formatted(FORUM))
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    long insert(long forum, String country, LocalDate startsOn, String status, long recordedBy) {
        return ((Number) em.createNativeQuery("""
                insert into presidency (forum_id, country_code, starts_on, status, recorded_by)
                values (?1, ?2, ?3, ?4, ?5) returning id""")
                .setParameter(1, forum).setParameter(2, country).setParameter(3, startsOn).setParameter(4, status)
                .setParameter(5, recordedBy).getSingleResult()).longValue();
    }

    /** The planned presidency and the latest {@code held} held ones, newest first, each held one with its end. */
    List<Term> terms(int held) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select t.id, t.country_code, c.name_es, c.name_pt, c.name_en, t.starts_on, t.ends_on, t.status,
                       m.display_name, t.recorded_at
                from (select p.*, case when p.status = 'HELD'
                                  then lead(p.starts_on) over (partition by p.status order by p.starts_on) end as ends_on,
                             row_number() over (partition by p.status order by p.starts_on desc) as n
                      from presidency p where p.forum_id = %s) t
                join country c on c.code = t.country_code
                left join member m on m.id = t.recorded_by
                where t.status = 'PLANNED' or t.n <= ?1
                order by t.status desc, t.starts_on desc""".formatted(FORUM), Tuple.class)
                .setParameter(1, held).getResultList();
        List<Term> terms = new ArrayList<>();
        for (Tuple r : rows) {
            terms.add(new Term(r.get("id", Number.class).longValue(), r.get("country_code", String.class),
                    localized(r), SqlValues.date(r.get("starts_on")), SqlValues.date(r.get("ends_on")),
                    "PLANNED".equals(r.get("status", String.class)), r.get("display_name", String.class),
                    SqlValues.timestamp(r.get("recorded_at"))));
        }
        return terms;
    }

    /** A country's name in the three languages, from a row's name_es, name_pt and name_en. */
    private static Localized localized(Tuple row) {
        return new Localized(row.get("name_es", String.class), row.get("name_pt", String.class),
                row.get("name_en", String.class));
    }

    static Troika troikaOf(List<Term> terms) {
        Term next = terms.stream().filter(Term::planned).findFirst().orElse(null);
        List<Term> held = terms.stream().filter(t -> !t.planned()).toList();
        return new Troika(held.size() > 1 ? held.get(1) : null, held.isEmpty() ? null : held.get(0), next);
    }
}
