package org.comunidad.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.comunidad.member.MemberNotice;
import org.comunidad.platform.notice.Notice;
import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Features announce what happened as {@link Notice} events; the notifications store them in
 * the firing transaction. So a notice exists exactly when its cause was committed: a cause
 * rolled back (or an observer that fails, which rolls the cause back with it) leaves none, and
 * one event gives exactly its notification, once per member and event key. Each kind keeps
 * the name stored in the rows, contributed by the feature that owns it.
 */
@QuarkusTest
class NoticeEventsTest {

    static final String KEY = "notice-events-test:";
    static final String SUBGROUP = "seguridad-delincuencia-organizada";

    @Inject
    EntityManager em;

    @Inject
    Event<Notice> notices;

    @Inject
    KnownKinds kinds;

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from notification where event_key like 'notice-events-test:%' or member_id = ?1
                and kind = 'ROLE_ASSIGNED' and link = '/c/seguridad-delincuencia-organizada'""")
                .setParameter(1, colombia()).executeUpdate());
    }

    @Test
    void eachKindKeepsItsStoredNameAndEmailChoice() {
        assertEquals(List.of("MENTION", "JOIN_APPROVED", "JOIN_DECLINED", "ROLE_ASSIGNED", "INVITATION_ACCEPTED",
                "COORDINATION_GAINED", "COORDINATION_LOST", "MEETING_INVITED", "MEETING_CHANGED", "MEETING_CANCELLED",
                "MEETING_REMINDER", "TASK_ASSIGNED", "TASK_DUE_SOON"), kinds.all().stream().map(NoticeKind::name).toList());
        assertEquals(List.of("MENTION", "JOIN_APPROVED", "ROLE_ASSIGNED", "INVITATION_ACCEPTED", "COORDINATION_GAINED",
                "MEETING_INVITED", "MEETING_REMINDER", "TASK_ASSIGNED", "TASK_DUE_SOON"), kinds.choices().stream().map(NoticeKind::name).toList(), "the email preferences, in the page's order");
        assertEquals(List.of("JOIN_APPROVED", "JOIN_DECLINED"),
                kinds.linked(MemberNotice.JOIN_DECLINED).stream().map(NoticeKind::name).toList());
        assertEquals(kinds.all().stream().map(NoticeKind::name).toList(), kinds.atOnce(), "all emailed at once");
    }

    @Test
    void aNoticeIsStoredOnceWithWhatTheFeatureSaid() {
        long member = colombia();
        String excerpt = "x".repeat(400);
        QuarkusTransaction.requiringNew().run(() -> {
            notices.fire(new Notice(member, MemberNotice.ROLE_ASSIGNED, KEY + "once", null, null, "/c/seguridad",
                    excerpt));
            notices.fire(new Notice(member, MemberNotice.ROLE_ASSIGNED, KEY + "once", null, null, "/c/other", null));
        });
        List<Tuple> rows = rows(KEY + "once");
        assertEquals(1, rows.size(), "one notification per member and event key");
        assertEquals("ROLE_ASSIGNED", rows.get(0).get("kind", String.class));
        assertEquals("/c/seguridad", rows.get(0).get("link", String.class));
        assertEquals(300, rows.get(0).get("excerpt", String.class).length(), "the excerpt is cut at 300");
    }

    @Test
    void aCauseRolledBackLeavesNoNotification() {
        long member = colombia();
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notices.fire(new Notice(member, MemberNotice.JOIN_APPROVED, KEY + "rollback-only", null, null, "/join",
                    null));
            QuarkusTransaction.setRollbackOnly();
        }), "a transaction marked rollback-only does not commit");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notices.fire(new Notice(member, MemberNotice.JOIN_APPROVED, KEY + "thrown", null, null, "/join", null));
            throw new IllegalStateException("the cause fails after announcing itself");
        }));
        assertEquals(0, rows(KEY + "rollback-only").size());
        assertEquals(0, rows(KEY + "thrown").size());
    }

    @Test
    void aFailingObserverRollsBackTheCauseWithIt() {
        long member = colombia();
        NoticeKind unknown = new NoticeKind() {
            @Override
            public String name() {
                return "NOBODY_CONTRIBUTES_THIS";
            }

            @Override
            public String title(String language, String actor) {
                return "?";
            }

            @Override
            public String label(String language) {
                return "?";
            }
        };
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notices.fire(new Notice(member, MemberNotice.ROLE_ASSIGNED, KEY + "first", null, null, "/join", null));
            notices.fire(new Notice(member, unknown, KEY + "unknown", null, null, "/join", null));
        }));
        assertEquals(0, rows(KEY + "first").size(), "the whole transaction rolled back");
    }

    @Test
    void aRoleAssignedNotifiesExactlyTheMemberAndARefusedOneNobody() {
        long member = colombia();
        long before = count();
        Response refused = Web.form(Persona.COORDINATOR, "/c/seguridad/members/" + member + "/roles",
                Map.of("role", "COORDINATOR", "community", "seguridad"));
        assertEquals(400, refused.statusCode());
        assertEquals(before, count(), "a refused assignment notifies nobody");
        Response assigned = Web.form(Persona.COORDINATOR, "/c/seguridad/members/" + member + "/roles",
                Map.of("role", "MEMBER", "community", SUBGROUP));
        try {
            assertEquals(303, assigned.statusCode());
            assertEquals(before + 1, count(), "exactly one notification");
            List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> tuples("""
                    select n.kind as kind, n.link as link, n.member_id as member_id, a.username as actor
                    from notification n join member a on a.id = n.actor_id order by n.id desc limit 1""", null));
            assertEquals("ROLE_ASSIGNED", rows.get(0).get("kind", String.class));
            assertEquals("/c/" + SUBGROUP, rows.get(0).get("link", String.class));
            assertEquals(member, rows.get(0).get("member_id", Long.class));
            assertEquals("coord.seguridad", rows.get(0).get("actor", String.class));
            assertTrue(Persona.GROUP_MEMBER.request().get("/notifications").body().asString()
                    .contains("le asignó una función"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    delete from membership where member_id = ?1
                    and community_id = (select id from community where slug = ?2)""").setParameter(1, member)
                    .setParameter(2, SUBGROUP).executeUpdate());
        }
    }

    private long colombia() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where username = 'pf.colombia'").getSingleResult()).longValue());
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from notification").getSingleResult()).longValue());
    }

    private List<Tuple> rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> tuples(
                "select kind, link, excerpt from notification where event_key = ?1", key));
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql, String key) {
        var query = em.createNativeQuery(sql, Tuple.class);
        if (key != null) {
            query.setParameter(1, key);
        }
        return query.getResultList();
    }
}
