package org.comunidad.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Members and memberships made by tests, written to the same tables the app reads ({@code member},
 * {@code membership}) in a transaction of their own. One member:
 *
 * <pre>{@code
 * long rosa = Members.create("test-funcionario-peru").username("funcionario.peru").name("Rosa Huamán")
 *         .country("PE").verifiedEmail().institution("Ministerio del Interior").position("Asesora")
 *         .in("seguridad", "MEMBER").save();
 * Members.existing("pf.colombia").in("seguridad-delincuencia-organizada", "MEMBER", "CO");
 * }</pre>
 *
 * Many members at once, numbered (one statement whatever their number; {@code %d} is the number):
 *
 * <pre>{@code
 * Members.numbered(1, 300).subject("load-%d").username("load%d").name("Funcionario %d")
 *         .countries("CO").institution("Ministerio de Transporte").position("Asesor").in("seguridad").save();
 * }</pre>
 *
 * Defaults: the username is the subject, the email is the username at example.org, the display
 * name is the subject, the email is not verified, a membership's role is MEMBER and its country
 * the member's.
 */
public final class Members {

    private Members() {
    }

    /** A new member with this subject (the identity provider's user id). */
    public static One create(String subject) {
        return new One(subject);
    }

    /** Numbered members {@code from..to}, inserted with one statement per table. */
    public static Numbered numbered(int from, int to) {
        return new Numbered(from, to);
    }

    /** A member already there (a demo user, or one made before), to give memberships. */
    public static Existing existing(String username) {
        return new Existing(Db.member(username));
    }

    /** The same, by id. */
    public static Existing existing(long id) {
        return new Existing(id);
    }

    private record Membership(String community, String role, String country) {
    }

    /**
     * What every new member has, for {@link One} and {@link Numbered}: in {@link Numbered}, a
     * {@code %d} in the subject, username, email or name is the member's number.
     */
    public abstract static class Details<B extends Details<B>> {
        String subject;
        String username;
        String email;
        String name;
        String institution;
        String position;
        final List<Membership> memberships = new ArrayList<>();

        abstract B self();

        public B username(String username) {
            this.username = username;
            return self();
        }

        public B email(String email) {
            this.email = email;
            return self();
        }

        public B name(String displayName) {
            this.name = displayName;
            return self();
        }

        public B institution(String institution) {
            this.institution = institution;
            return self();
        }

        public B position(String position) {
            this.position = position;
            return self();
        }

        /** A MEMBER of this community, for the member's country. */
        public B in(String community) {
            return in(community, "MEMBER");
        }

        /**
         * A role in a community, for the member's country; for numbered members, a {@code %d} in the
         * slug makes member i join community i.
         */
        public B in(String community, String role) {
            memberships.add(new Membership(community, role, null));
            return self();
        }

        String usernameOrSubject() {
            return username != null ? username : subject;
        }

        String nameOrSubject() {
            return name != null ? name : subject;
        }
    }

    /** One new member. */
    public static final class One extends Details<One> {
        private String country;
        private boolean emailVerified;

        private One(String subject) {
            this.subject = subject;
        }

        @Override
        One self() {
            return this;
        }

        public One country(String code) {
            this.country = code;
            return this;
        }

        public One verifiedEmail() {
            this.emailVerified = true;
            return this;
        }

        /** A role in a community for a country (null: the member's). */
        public One in(String community, String role, String country) {
            memberships.add(new Membership(community, role, country));
            return this;
        }

        /** Inserts the member and their memberships; returns the member's id. */
        public long save() {
            String user = usernameOrSubject();
            return Db.call(em -> {
                long id = ((Number) Db.bind(em.createNativeQuery("""
                        insert into member (subject, username, email, email_verified, display_name, country_code,
                                            institution, position)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), cast(?7 as text), cast(?8 as text))
                        returning id"""), subject, user, email != null ? email : user + "@example.org", emailVerified,
                        nameOrSubject(), country, institution, position).getSingleResult()).longValue();
                for (Membership m : memberships) {
                    Db.bind(em.createNativeQuery("""
                            insert into membership (community_id, member_id, role, country_code)
                            select id, ?1, ?2, ?3 from community where slug = ?4"""), id, m.role(),
                            m.country() != null ? m.country() : country, m.community()).executeUpdate();
                }
                return id;
            });
        }
    }

    /** A member already in the table. */
    public static final class Existing {
        private final long id;

        private Existing(long id) {
            this.id = id;
        }

        /** Adds a role in a community for a country (null: the member's); returns the membership's id. */
        public long in(String community, String role, String country) {
            return Db.number("""
                    insert into membership (community_id, member_id, role, country_code)
                    select c.id, m.id, ?2, coalesce(cast(?3 as text), m.country_code) from community c, member m
                    where c.slug = ?4 and m.id = ?1 returning id""", id, role, country, community);
        }

        public long in(String community, String role) {
            return in(community, role, null);
        }

        /** The member's memberships as they are now, to put back after a test removed or changed them. */
        public Memberships memberships() {
            return new Memberships(id, (String) Db.value(
                    "select coalesce(json_agg(m), '[]')::text from membership m where member_id = ?1", id));
        }

        /** Removes the member's memberships with this role in a community. */
        public void out(String community, String role) {
            Db.update("""
                    delete from membership where member_id = ?1 and role = ?2
                    and community_id = (select id from community where slug = ?3)""", id, role, community);
        }
    }

    /** A member's memberships at one moment (rows as JSON). */
    public record Memberships(long member, String rows) {

        /** Puts the memberships back as they were (same rows, same ids), dropping any added since. */
        public void restore() {
            Db.run(em -> {
                Db.bind(em.createNativeQuery("delete from membership where member_id = ?1"), member).executeUpdate();
                Db.bind(em.createNativeQuery("insert into membership select * from "
                        + "json_populate_recordset(null::membership, cast(?1 as json))"), rows).executeUpdate();
            });
        }
    }

    /** Numbered members, {@code %d} in the formats being the number. */
    public static final class Numbered extends Details<Numbered> {
        private final int from;
        private final int to;
        private List<String> countries = List.of();

        private Numbered(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        Numbered self() {
            return this;
        }

        public Numbered subject(String format) {
            this.subject = format;
            return this;
        }

        /** Their countries, in turn: member i gets {@code countries[i % n]}. */
        public Numbered countries(String... codes) {
            this.countries = List.of(codes);
            return this;
        }

        /** Inserts them, then their memberships (the ones they do not hold yet). */
        public void save() {
            if (subject == null || countries.isEmpty()) {
                throw new IllegalStateException("numbered members need a subject format and countries");
            }
            String user = sql(usernameOrSubject());
            String country = "(array[" + String.join(",", countries.stream().map(c -> "'" + c + "'").toList())
                    + "])[1 + i % " + countries.size() + "]";
            Db.run(em -> {
                Db.bind(em.createNativeQuery("insert into member (subject, username, email, display_name, country_code, "
                        + "institution, position) select " + sql(subject) + ", " + user + ", "
                        + (email != null ? sql(email) : user + " || '@example.org'") + ", "
                        + sql(nameOrSubject()) + ", " + country + ", cast(?3 as text), cast(?4 as text) from generate_series(?1, ?2) i"),
                        from, to, institution, position).executeUpdate();
                for (Membership m : memberships) {
                    Db.bind(em.createNativeQuery("insert into membership (community_id, member_id, role, country_code) "
                            + "select c.id, m.id, ?3, m.country_code from generate_series(?1, ?2) i "
                            + "join member m on m.subject = " + sql(subject) + " join community c on c.slug = "
                            + sql(m.community()) + " where not exists (select 1 from membership x "
                            + "where x.community_id = c.id and x.member_id = m.id)"), from, to, m.role()).executeUpdate();
                }
            });
        }

        /** A format as an SQL expression of the number i: 'doc-%d' becomes 'doc-' || i || ''. */
        private static String sql(String format) {
            return "'" + format.replace("'", "''").replace("%d", "' || i || '") + "'";
        }
    }
}
