package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The coordinator manages a group's members: assigns and removes roles, removes a member,
 * whose next request is refused although their session (token) is still valid. Nobody
 * else can. Every change is in the audit log.
 */
@QuarkusTest
class MemberAdminTest extends WithAccessMatrix {

    static final String G = "/c/seguridad/members/";
    static final String SUBGROUP = "seguridad-delincuencia-organizada";

    @Inject
    EntityManager em;

    static long colombia() {
        return Db.member("pf.colombia");
    }

    static void dropExtraRole() {
        Db.update("""
                delete from membership where member_id = (select id from member where username = 'pf.colombia')
                and community_id = (select id from community where slug = ?1)""", SUBGROUP);
    }

    /**
     * Takes back the role the matrix assigned and forgets its audit entries: the matrix leaves the
     * data as it found it, whatever runs after it (aRoleSomeoneElseHolds... counts its own entry).
     */
    static void undoAssignment() {
        dropExtraRole();
        Db.update("delete from audit_log where action = 'ROLE_ASSIGN' and target_id = ?1 and detail = ?2", colombia(),
                "MEMBER in " + SUBGROUP + " for CO");
    }

    static long extraRole() {
        dropExtraRole();
        return Members.existing("pf.colombia").in(SUBGROUP, "MEMBER", "CO");
    }

    static AccessMatrix matrix() {
        return AccessMatrix.of("member admin")
                .bind("colombia", MemberAdminTest::colombia)
                .get(G + "{colombia}").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .form(G + "{colombia}/roles", Map.of("role", "MEMBER", "community", SUBGROUP))
                        .before(MemberAdminTest::dropExtraRole).after(v -> undoAssignment())
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                .form(G + "{colombia}/roles/{role}/remove", Map.of()).given("role", MemberAdminTest::extraRole)
                        .after(v -> dropExtraRole()).expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                // pf.brasil (Health) joins Security for the case, then gets their memberships back
                .form(G + "{brasil}/remove", Map.of()).given(() -> {
                    Members.Existing brasil = Members.existing("pf.brasil");
                    Members.Memberships saved = brasil.memberships();
                    brasil.in("seguridad", "MEMBER");
                    return Map.of("brasil", saved.member(), "saved", saved);
                }).after(v -> ((Members.Memberships) v.get("saved")).restore())
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN);
    }

    @Test
    void aRemovedMembersNextRequestIsRefusedThoughTheirTokenIsValid() {
        long colombia = colombia();
        Members.Memberships saved = Members.existing(colombia).memberships();
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
            saved.restore();
        }
        assertEquals(200, Persona.GROUP_MEMBER.request().get("/c/seguridad").statusCode(), "restored");
    }

    @Test
    void theCoordinatorSeesAMembersActivityInTheGroup() {
        long peru = Db.member("pf.peru");
        long posts = count("select count(*) from post p join community g on g.id = p.group_id where g.slug = 'seguridad' "
                + "and p.author_id = " + peru + " and p.deleted_at is null");
        long uploads = count("select count(*) from document_version v join document d on d.id = v.document_id "
                + "join community g on g.id = d.group_id where g.slug = 'seguridad' and v.created_by = " + peru);
        String page = Persona.COORDINATOR.request().get(G + peru).body().asString();
        assertEquals(String.valueOf(posts), Html.definition(page, "Publicaciones"));
        assertEquals(String.valueOf(uploads), Html.definition(page, "Documentos y versiones subidos"));
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
        Html.selectedOption(page, "#role-role", "COORDINATOR");

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
        return Db.number(sql);
    }
}
