package org.comunidad.member;

import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The coordinator manages a group's members: assigns and removes roles, removes a member,
 * whose next request is refused although their session (token) is still valid. Nobody
 * else can. Every change is in the audit log.
 */
@QuarkusTest
class MemberAdminTest {

    static final String G = "/c/seguridad/members/";
    static final String SUBGROUP = "seguridad-delincuencia-organizada";

    @Inject
    EntityManager em;

    long colombia() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where username = 'pf.colombia'").getSingleResult()).longValue());
    }

    void dropExtraRole() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from membership where member_id = (select id from member where username = 'pf.colombia')
                and community_id = (select id from community where slug = ?1)""").setParameter(1, SUBGROUP)
                .executeUpdate());
    }

    long extraRole() {
        dropExtraRole();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into membership (community_id, member_id, role, country_code)
                select c.id, m.id, 'MEMBER', 'CO' from community c, member m
                where c.slug = ?1 and m.username = 'pf.colombia' returning id""").setParameter(1, SUBGROUP)
                .getSingleResult()).longValue());
    }


    record Case(String name, Map<Persona, Integer> expected, Function<MemberAdminTest, Function<Persona, Response>> call) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("GET member", expect(200, 200, 403, 403, 403, 404, 302),
                t -> p -> p.request().get(G + t.colombia())));
        cases.add(new Case("POST assign role", expect(303, 303, 403, 403, 403, 404, 302), t -> p -> {
            t.dropExtraRole();
            Response r = Web.form(p, G + t.colombia() + "/roles", Map.of("role", "MEMBER", "community", SUBGROUP));
            t.dropExtraRole();
            return r;
        }));
        cases.add(new Case("POST remove role", expect(303, 303, 403, 403, 403, 404, 302), t -> p -> {
            long role = t.extraRole();
            Response r = Web.form(p, G + t.colombia() + "/roles/" + role + "/remove", Map.of());
            t.dropExtraRole();
            return r;
        }));
        return cases;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        for (Case c : cases()) {
            for (Persona p : Persona.values()) {
                args.add(Arguments.of(c.name(), p, c, c.expected().get(p)));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void answersAsExpected(String name, Persona persona, Case c, int expected) {
        assertEquals(expected, c.call().apply(this).apply(persona).statusCode(), name + " as " + persona);
    }

    @Test
    void aRemovedMembersNextRequestIsRefusedThoughTheirTokenIsValid() {
        long colombia = colombia();
        @SuppressWarnings("unchecked")
        List<Object[]> saved = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select community_id, role, country_code from membership where member_id = ?1""")
                .setParameter(1, colombia).getResultList());
        assertEquals(200, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode());
        assertEquals(403, Web.form(Persona.LEADER, G + colombia + "/remove", Map.of()).statusCode());
        try {
            Response removed = Web.form(Persona.COORDINATOR, G + colombia + "/remove", Map.of());
            assertEquals(303, removed.statusCode());
            assertEquals(404, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode(),
                    "the same token, the next request: refused");
            assertEquals(404, Persona.GROUP_MEMBER.request().get("/c/seguridad/documents").statusCode());
            assertFalse(Persona.GROUP_MEMBER.request().get("/api/communities").body().asString().contains("seguridad"));
            assertEquals(1L, count("select count(*) from audit_log where action = 'MEMBER_REMOVE' and target_id = "
                    + colombia));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from membership where member_id = ?1").setParameter(1, colombia)
                        .executeUpdate();
                for (Object[] row : saved) {
                    em.createNativeQuery("insert into membership (community_id, member_id, role, country_code) "
                            + "values (?1, ?2, ?3, ?4)").setParameter(1, row[0]).setParameter(2, colombia)
                            .setParameter(3, row[1]).setParameter(4, row[2]).executeUpdate();
                }
            });
        }
        assertEquals(200, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode(), "restored");
    }

    @Test
    void theCoordinatorSeesAMembersActivityInTheGroup() {
        long peru = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where username = 'pf.peru'").getSingleResult()).longValue());
        long posts = count("select count(*) from post p join community g on g.id = p.group_id where g.slug = 'seguridad' "
                + "and p.author_id = " + peru + " and p.deleted_at is null");
        long uploads = count("select count(*) from document_version v join document d on d.id = v.document_id "
                + "join community g on g.id = d.group_id where g.slug = 'seguridad' and v.created_by = " + peru);
        String page = Persona.COORDINATOR.request().get(G + peru).body().asString();
        assertTrue(page.contains("<dt>Publicaciones</dt><dd>" + posts + "</dd>"), page);
        assertTrue(page.contains("<dt>Documentos y versiones subidos</dt><dd>" + uploads + "</dd>"), page);
        assertTrue(posts > 0, "the demo has posts by pf.peru in Security");
        assertEquals(403, Persona.GROUP_MEMBER.request().get(G + peru).statusCode(),
                "only the coordinator sees another member's activity");
    }

    @Test
    void aRoleSomeoneElseHoldsIsRefusedAndTheFormKeepsTheChoice() {
        Response taken = Web.form(Persona.COORDINATOR, G + colombia() + "/roles",
                Map.of("role", "COORDINATOR", "community", "seguridad"));
        assertEquals(400, taken.statusCode());
        String page = taken.body().asString();
        assertTrue(page.contains("Esa función ya la tiene otra persona en esta comunidad"), page);
        assertTrue(page.contains("<option value=\"COORDINATOR\" selected>"), page);

        Response wrongPlace = Web.form(Persona.COORDINATOR, G + colombia() + "/roles",
                Map.of("role", "LEADER", "community", "seguridad"));
        assertEquals(400, wrongPlace.statusCode(), "a leader leads a subgroup, not a group");

        Response assigned = Web.form(Persona.COORDINATOR, G + colombia() + "/roles",
                Map.of("role", "MEMBER", "community", SUBGROUP));
        try {
            assertEquals(303, assigned.statusCode());
            assertTrue(Persona.GROUP_MEMBER.request().get("/c/" + SUBGROUP + "/members").body().asString()
                    .contains("pf.colombia@demo.prosur.example"));
            assertEquals(1L, count("select count(*) from audit_log where action = 'ROLE_ASSIGN' and target_id = "
                    + colombia() + " and detail = 'MEMBER in " + SUBGROUP + " for CO'"));
        } finally {
            dropExtraRole();
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
