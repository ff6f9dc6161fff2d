package org.comunidad.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.comunidad.platform.persistence.SqlValues;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;

/**
 * The calendars members take away: one meeting's .ics (for those who see the meeting), and each
 * member's personal feed behind a secret token. Only the token's SHA-256 is stored; generating a
 * new token replaces it, so the old link answers 404 from then on. The feed lists the meetings of
 * the member's own communities, the same set as "my meetings" ({@link MeetingViews}): the
 * communities where they hold a role and the working groups of those, every subgroup of a group
 * they coordinate, and a meeting of another subgroup of their group to which they were invited by
 * name; never a community they do not belong to. It reads memberships, as a feed request carries
 * no token; those ended in
 * the last months ({@code comunidad.meetings.calendar.feed-past}) or is still to come, in two
 * statements whatever their number. A disabled account's feed answers 404.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A member's subscription: whether they have a link, since when; the token only right after it was made. */
    public record Subscription(OffsetDateTime since, String token) {
        public boolean exists() {
            return since != null;
        }
    }

    /** One meeting's .ics with the name it is downloaded as. */
    public record File(String name, byte[] bytes) {
    }

    @Inject
    EntityManager em;

    @Inject
    Meetings meetings;

    @Inject
    MeetingCalendar calendar;

    @Inject
    MeetingCalendarConfig config;

    /** The .ics of a meeting the viewer sees; empty (404) otherwise. */
    @Transactional
    public Optional<File> single(Viewer viewer, CommunityRef ref, long id, String language) {
        return meetings.visible(viewer, ref, id).map(found -> new File("meeting-" + id + ".ics",
                calendar.single(MeetingCalendar.Entry.of(found.meeting()), language)));
    }

    @Transactional
    public Subscription subscription(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object> created = em.createNativeQuery("select created_at from meeting_feed_token where member_id = ?1")
                .setParameter(1, memberId).getResultList();
        return new Subscription(created.isEmpty() ? null : SqlValues.timestamp(created.get(0)), null);
    }

    /** A new secret link for the member's feed; the previous one stops working. */
    @Transactional
    public Subscription regenerate(long memberId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                insert into meeting_feed_token (member_id, token_hash, created_at) values (?1, ?2, ?3)
                on conflict (member_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""")
                .setParameter(1, memberId).setParameter(2, hash(token)).setParameter(3, now).executeUpdate();
        return new Subscription(now, token);
    }

    /** The feed behind a token; empty (404) for an unknown or replaced token, or a disabled account. */
    @Transactional
    public Optional<byte[]> feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> owner = em.createNativeQuery("""
                select m.id as id, m.language as language from meeting_feed_token t join member m on m.id = t.member_id
                where t.token_hash = ?1 and m.disabled_at is null""", Tuple.class)
                .setParameter(1, hash(token)).getResultList();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        long memberId = owner.get(0).get("id", Long.class);
        String language = owner.get(0).get("language", String.class);
        List<MeetingCalendar.Entry> entries = entries(memberId,
                OffsetDateTime.now(ZoneOffset.UTC).minus(config.feedPast()));
        return Optional.of(calendar.feed(entries, language, config.feedRefresh()));
    }

    /** The meetings of the member's feed, in one statement. */
    List<MeetingCalendar.Entry> entries(long memberId, OffsetDateTime endedAfter) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select m.id as id, m.uid as uid, m.sequence as sequence, m.title as title, m.status as status,
                       m.starts_at as starts_at, m.ends_at as ends_at, m.time_zone as time_zone, m.venue as venue,
                       m.place as place, m.external_url as external_url, m.description as description, c.slug as slug,
                       o.display_name as organizer_name, o.email as organizer_email, m.updated_at as updated_at
                from meeting m
                join community c on c.id = m.community_id
                join member o on o.id = m.organizer_id
                where (c.id in (select ms.community_id from membership ms where ms.member_id = ?1)
                       or c.id in (select g.parent_id from membership ms join community g on g.id = ms.community_id
                                   where ms.member_id = ?1)
                       or c.parent_id in (select ms.community_id from membership ms
                                          where ms.member_id = ?1 and ms.role = 'COORDINATOR')
                       or (c.parent_id in (select coalesce(g.parent_id, g.id) from membership ms
                                           join community g on g.id = ms.community_id where ms.member_id = ?1)
                           and exists (select 1 from meeting_invitee i where i.meeting_id = m.id and i.member_id = ?1)))
                  and m.ends_at > ?2
                order by m.starts_at, m.id""", Tuple.class)
                .setParameter(1, memberId).setParameter(2, endedAfter).getResultList();
        List<MeetingCalendar.Entry> entries = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            entries.add(entry(row));
        }
        return entries;
    }

    /** A row with the aliases of {@link #entries}. */
    static MeetingCalendar.Entry entry(Tuple row) {
        return new MeetingCalendar.Entry(row.get("id", Long.class), row.get("uid", String.class),
                ((Number) row.get("sequence")).intValue(), row.get("title", String.class),
                Meeting.Status.valueOf(row.get("status", String.class)), SqlValues.timestamp(row.get("starts_at")),
                SqlValues.timestamp(row.get("ends_at")), row.get("time_zone", String.class),
                Meeting.Venue.valueOf(row.get("venue", String.class)), row.get("place", String.class),
                row.get("external_url", String.class), row.get("description", String.class),
                row.get("slug", String.class), row.get("organizer_name", String.class),
                row.get("organizer_email", String.class), SqlValues.timestamp(row.get("updated_at")));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
