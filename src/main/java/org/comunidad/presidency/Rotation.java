package org.comunidad.presidency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.member.RealmRoles;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;
import org.comunidad.presidency.Presidencies.CountryChoice;
import org.comunidad.presidency.Presidencies.Term;
import org.comunidad.presidency.Presidencies.Troika;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The rotation of the pro tempore presidency: the new presidency is recorded and the
 * coordination of every working group passes to the new presidency country's focal point
 * there. First a preview (who gains and who loses coordination, group by group), then the
 * confirmation, which applies exactly what was previewed, in one transaction, or shows the
 * new preview when something changed meanwhile. Where the new country has no focal point,
 * coordination stays as it is: the group keeps someone who administers it, and its
 * coordinator or the forum admin assigns another when the country names one.
 */
@ApplicationScoped
public class Rotation {

    public enum Outcome {
        /** The current coordinator (if any) loses coordination, the new country's focal point gains it. */
        MOVES,
        /** The new country's focal point coordinates already. */
        ALREADY_COORDINATES,
        /** The new country has no focal point in the group: coordination stays as it is. */
        NO_FOCAL_POINT
    }

    public record Person(long memberId, String name, String countryCode, String language) {
    }

    /** One working group in the rotation: its coordinator now, the new country's focal point, what happens. */
    public record Change(long groupId, String slug, Localized group, Person outgoing, Person incoming, Outcome outcome) {

        /** The group's page. */
        public String link() {
            return Links.community(slug);
        }

        public boolean moves() {
            return outcome == Outcome.MOVES;
        }
    }

    /**
     * What confirming would do. The fingerprint sums up the situation previewed (presidencies,
     * coordinators, focal points): the confirmation carries it back and is applied only if it
     * still matches.
     */
    public record Plan(Term current, Term planned, CountryChoice country, LocalDate startsOn, List<Change> changes,
            String fingerprint) {

        public long moves() {
            return changes.stream().filter(Change::moves).count();
        }

        /** The planned presidency is the one taking office (else, if any, it is dropped). */
        public boolean plannedTakesOffice() {
            return planned != null && planned.countryCode().equals(country.code());
        }
    }

    /** The situation changed since the preview: nothing was applied; here is the new preview. */
    public static class Stale extends RuntimeException {

        private final transient Plan plan;

        Stale(Plan plan) {
            super("stale rotation preview");
            this.plan = plan;
        }

        public Plan plan() {
            return plan;
        }
    }

    /** The presidency recorded, and the members who gained or lost a group's coordination. */
    public record Done(long presidencyId, long moved, List<Long> gained, List<Long> lost) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    Presidencies presidencies;

    /** What recording this presidency would change, read in a fixed number of statements whatever the groups. */
    @Transactional
    public Plan preview(String countryCode, String startsOn, LocalDate today) {
        return plan(countryCode, startsOn, today, false);
    }

    @Inject
    RealmRoles realmRoles;

    /**
     * Applies the rotation ({@link #apply}) and, once it is committed, the realm roles follow
     * ({@link RealmRoles#follow}): the new coordinators get "coordinator" in Keycloak (from their
     * next token on); those who coordinate no group any more lose it.
     */
    public Optional<Done> rotate(Viewer viewer, String countryCode, String startsOn, String previewed,
            LocalDate today) {
        Optional<Done> done = QuarkusTransaction.requiringNew()
                .call(() -> apply(viewer, countryCode, startsOn, previewed, today));
        done.ifPresent(d -> realmRoles.follow(d.gained(), CommunityRole.COORDINATOR, d.lost()));
        return done;
    }

    /**
     * Records the new presidency and passes coordination as previewed, with one audit entry
     * per group whose coordinator changes (and one for the presidency), and a notification to
     * each person who gains or loses coordination.
     */
    @Transactional
    public Optional<Done> apply(Viewer viewer, String countryCode, String startsOn, String previewed,
            LocalDate today) {
        Optional<Long> locked = presidencies.lockForum();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        long forum = locked.get();
        Plan plan = plan(countryCode, startsOn, today, true);
        if (!plan.fingerprint().equals(previewed)) {
            throw new Stale(plan);
        }
        em.createNativeQuery("delete from presidency where forum_id = ?1 and status = 'PLANNED'")
                .setParameter(1, forum).executeUpdate();
        String country = plan.country().code();
        long id = presidencies.insert(forum, country, plan.startsOn(), "HELD", viewer.memberId());
        for (Change change : plan.changes()) {
            if (!change.moves()) {
                continue;
            }
            em.createNativeQuery("delete from membership where community_id = ?1 and role = 'COORDINATOR'")
                    .setParameter(1, change.groupId()).executeUpdate();
            em.createNativeQuery("""
                    insert into membership (community_id, member_id, role, country_code) values (?1, ?2, 'COORDINATOR', ?3)""")
                    .setParameter(1, change.groupId()).setParameter(2, change.incoming().memberId())
                    .setParameter(3, country).executeUpdate();
            AuditLog.record(viewer.memberId(), change.groupId(), "COORDINATOR_ROTATE", "member",
                    change.incoming().memberId(), "coordination from " + describe(change.outgoing()) + " to "
                            + describe(change.incoming()) + "; presidency " + country + " from " + plan.startsOn());
            String key = "rotation:" + id + ":" + change.groupId();
            notify(change.incoming(), PresidencyNotice.COORDINATION_GAINED, key, change, plan, viewer);
            if (change.outgoing() != null) {
                notify(change.outgoing(), PresidencyNotice.COORDINATION_LOST, key, change, plan, viewer);
            }
        }
        String unchanged = plan.changes().stream().filter(c -> c.outcome() == Outcome.NO_FOCAL_POINT)
                .map(Change::slug).collect(Collectors.joining(", "));
        AuditLog.record(viewer.memberId(), null, "PRESIDENCY_RECORD", "presidency", id,
                country + " from " + plan.startsOn() + (plan.current() == null ? "" : " after " + plan.current().countryCode())
                + "; coordination moved in " + plan.moves() + " of " + plan.changes().size() + " working groups"
                + (unchanged.isEmpty() ? "" : "; unchanged (no focal point of " + country + "): " + unchanged));
        return Optional.of(new Done(id, plan.moves(), plan.changes().stream().filter(Change::moves)
                .map(c -> c.incoming().memberId()).distinct().toList(),
                plan.changes().stream().filter(c -> c.moves() && c.outgoing() != null)
                        .map(c -> c.outgoing().memberId()).distinct().toList()));
    }

    private Plan plan(String countryCode, String startsOn, LocalDate today, boolean lock) {
        Troika troika = Presidencies.troikaOf(presidencies.terms(1));
        Validation.Checked input = Validation.check(countryCode, startsOn, presidencies.countries(), troika.current(),
                today);
        List<Change> changes = changes(input.country().code(), lock);
        StringBuilder situation = new StringBuilder().append(input.country().code()).append('|')
                .append(input.startsOn()).append('|').append(id(troika.current())).append('|').append(id(troika.next()));
        for (Change c : changes) {
            situation.append('|').append(c.groupId()).append(':').append(memberId(c.outgoing())).append(':')
                    .append(memberId(c.incoming()));
        }
        return new Plan(troika.current(), troika.next(), input.country(), input.startsOn(), changes,
                sha256(situation.toString()));
    }

    /** Every working group (not subgroups) with its coordinator and the country's focal point, in one statement. */
    private List<Change> changes(String country, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select g.id, g.slug, g.name_es, g.name_pt, g.name_en,
                       cm.id as out_id, cm.display_name as out_name,
                       coalesce(c.country_code, cm.country_code) as out_country, cm.language as out_language,
                       fm.id as in_id, fm.display_name as in_name, f.country_code as in_country,
                       fm.language as in_language
                from community g
                left join membership c on c.community_id = g.id and c.role = 'COORDINATOR'
                left join member cm on cm.id = c.member_id
                left join membership f on f.community_id = g.id and f.role = 'FOCAL_POINT' and f.country_code = ?1
                left join member fm on fm.id = f.member_id
                where g.kind = 'GROUP' and g.forum_id = %s
                order by g.position, g.id%s""".formatted(Presidencies.FORUM,
                // Locks the groups: a role assigned meanwhile (its foreign key shares the row) waits for the rotation.
                lock ? " for update of g" : ""), Tuple.class)
                .setParameter(1, country).getResultList();
        List<Change> changes = new ArrayList<>();
        for (Tuple r : rows) {
            Person outgoing = person(r, "out_");
            Person incoming = person(r, "in_");
            Outcome outcome = incoming == null ? Outcome.NO_FOCAL_POINT
                    : outgoing != null && outgoing.memberId() == incoming.memberId() ? Outcome.ALREADY_COORDINATES
                    : Outcome.MOVES;
            changes.add(new Change(r.get("id", Number.class).longValue(), r.get("slug", String.class),
                    new Localized(r.get("name_es", String.class), r.get("name_pt", String.class),
                            r.get("name_en", String.class)),
                    outgoing, incoming, outcome));
        }
        return changes;
    }

    /** The coordinator ({@code out_}) or the focal point ({@code in_}) of a row, if there is one. */
    private static Person person(Tuple row, String prefix) {
        Number id = row.get(prefix + "id", Number.class);
        return id == null ? null : new Person(id.longValue(), row.get(prefix + "name", String.class),
                row.get(prefix + "country", String.class), row.get(prefix + "language", String.class));
    }

    private void notify(Person person, PresidencyNotice kind, String key, Change change, Plan plan, Viewer viewer) {
        String language = person.language() == null ? "es" : person.language();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(plan.startsOn());
        String excerpt = MessageBundles.get(PresidencyMessages.class, io.quarkus.qute.i18n.Localized.Literal.of(language))
                .notification_excerpt(plan.country().name().in(language), date);
        notices.fire(new Notice(person.memberId(), kind, key, change.groupId(), viewer.memberId(),
                Links.community(change.slug()), excerpt));
    }

    private static String describe(Person person) {
        return person == null ? "nobody" : person.name() + " (" + person.countryCode() + ")";
    }

    private static String id(Term term) {
        return term == null ? "-" : String.valueOf(term.id());
    }

    private static String memberId(Person person) {
        return person == null ? "-" : String.valueOf(person.memberId());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
