package org.comunidad.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The conversation pages run a fixed number of SQL statements whatever the amount of
 * content: the group feed (news + posts), the news and posts tabs, the discussion list
 * and a discussion with its replies, measured with 3 and with 300 items (500 replies),
 * written by many different members, with comments and reactions.
 */
@QuarkusTest
class ConversationSqlCountTest {

    static final String GROUP = "defensa";
    static final String SUBGROUP = "defensa-ciberdefensa";

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Inject
    org.comunidad.platform.text.StoredRendering storedRendering;

    @Test
    void pagesDoNotGrowWithContent() {
        long discussion = createDiscussion();
        seed(0, 3, discussion, 3);
        Map<String, Long> small = countAll(discussion);

        seed(3, 297, discussion, 497);
        Map<String, Long> large = countAll(discussion);

        assertEquals(500L, count("select count(*) from discussion_reply where discussion_id = " + discussion));
        assertTrue(count("select count(*) from post p join community c on c.id = p.community_id where c.slug = '"
                + SUBGROUP + "'") >= 300);
        small.forEach((path, statements) -> {
            assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
            assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 items (500 replies)");
        });
        System.out.printf("SQL statements per page (3 items -> 300 items): %s -> %s%n", small, large);
    }

    private Map<String, Long> countAll(long discussion) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : new String[] { "/c/" + GROUP + "/feed", "/c/" + GROUP + "/news", "/c/" + SUBGROUP + "/posts",
                "/c/" + SUBGROUP + "/discussions", "/c/" + SUBGROUP + "/discussions/" + discussion,
                "/api/communities/" + communityId(SUBGROUP) + "/posts",
                "/api/communities/" + communityId(SUBGROUP) + "/discussions/" + discussion }) {
            // Warm up: the first request of a user may create their member row.
            Persona.ADMIN.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> Persona.ADMIN.request().get(path).then().statusCode(200)));
        }
        return counts;
    }

    private long createDiscussion() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into discussion (community_id, author_id, title, agenda_topic, opening)
                select c.id, (select id from member order by id limit 1), 'Ciberdefensa regional', 'Punto 1', 'Abrimos'
                from community c where c.slug = :s returning id
                """).setParameter("s", SUBGROUP).getSingleResult()).longValue());
    }

    /**
     * Members (each an author), news, posts with two comments and two reactions each, and
     * replies (every other one answering an earlier top-level reply).
     */
    private void seed(int offset, int count, long discussion, int replies) {
        Members.numbered(offset, offset + count - 1).subject("sql-%d").username("sql%d").name("Autor %d")
                .countries("CO").institution("Ministerio").position("Asesor").in(SUBGROUP).save();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into news_item (community_id, author_id, title, body, created_at)
                    select c.id, m.id, 'Novedad ' || m.subject, 'Texto **importante** de ' || m.subject,
                           now() - make_interval(mins => (m.id % 1000)::int)
                    from community c, member m where c.slug = :g and m.subject like 'sql-%'
                      and m.subject in (select 'sql-' || i from generate_series(:from, :to) i)
                    """).setParameter("g", GROUP).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into post (community_id, group_id, author_id, body, created_at)
                    select c.id, c.parent_id, m.id, 'Publicación de ' || m.subject || ' https://youtu.be/dQw4w9WgXcQ',
                           now() - make_interval(secs => (m.id % 5000)::int)
                    from community c, member m where c.slug = :s
                      and m.subject in (select 'sql-' || i from generate_series(:from, :to) i)
                    """).setParameter("s", SUBGROUP).setParameter("from", offset).setParameter("to", offset + count - 1)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into post_comment (post_id, author_id, body)
                    select p.id,
                           (select id from member where subject like 'sql-%' order by id
                            offset ((p.id + k) % (select count(*) from member where subject like 'sql-%')) limit 1),
                           'Comentario ' || k
                    from post p join member a on a.id = p.author_id cross join generate_series(1, 2) k
                    where a.subject in (select 'sql-' || i from generate_series(:from, :to) i)
                    """).setParameter("from", offset).setParameter("to", offset + count - 1).executeUpdate();
            em.createNativeQuery("""
                    insert into post_reaction (post_id, member_id, kind)
                    select p.id, p.author_id, k from post p join member a on a.id = p.author_id
                    cross join (values ('LIKE'), ('IDEA')) v(k)
                    where a.subject in (select 'sql-' || i from generate_series(:from, :to) i)
                    """).setParameter("from", offset).setParameter("to", offset + count - 1).executeUpdate();
            for (int i = 0; i < replies; i++) {
                em.createNativeQuery("""
                        insert into discussion_reply (discussion_id, parent_id, author_id, body)
                        select :d,
                               case when :i % 2 = 1 then (select id from discussion_reply where discussion_id = :d
                                                          and parent_id is null order by id desc limit 1) end,
                               (select id from member where subject like 'sql-%' order by id offset (:i % (select count(*) from member where subject like 'sql-%')) limit 1),
                               'Aporte **' || :i || '**'
                        """).setParameter("d", discussion).setParameter("i", offset + i).executeUpdate();
            }
            em.createNativeQuery("update discussion set reply_count = (select count(*) from discussion_reply where discussion_id = :d) where id = :d")
                    .setParameter("d", discussion).executeUpdate();
        });
        // Written by SQL, the texts have no stored HTML yet: render them now, as the app does when they
        // are written, so that the re-rendering job does not run its statements while the pages are
        // counted (the count is the whole app's: it once read 163 statements for 4).
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (storedRendering.renderStale() > 0 || storedRendering.staleCount() > 0) {
            // The job may hold the lock meanwhile: wait for it to finish.
            assertTrue(System.nanoTime() < deadline, "the seeded texts rendered within a minute");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private long communityId(String slug) {
        return count("select id from community where slug = '" + slug + "'");
    }
}
