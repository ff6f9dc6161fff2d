package org.comunidad.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Tokens;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The realm role follows the community roles, in the real Keycloak: assigning a community
 * role grants the realm role it needs, and when the member holds no community role needing
 * it any more (in any community) the app takes it back. The base role member stays, and the
 * forum admin's roles are never touched.
 */
@QuarkusTest
class RealmRoleCeilingTest {

    static final String COLOMBIA_SUBJECT = "00000000-0000-4000-a000-000000000008";
    static final String BRASIL_SUBJECT = "00000000-0000-4000-a000-000000000005";
    static final String ADMIN_SUBJECT = "00000000-0000-4000-a000-000000000001";
    static final String GENDER = "seguridad-prevencion-violencia-genero";
    static final String VICTIMS = "seguridad-asistencia-victimas";

    @Inject
    KeycloakAccounts accounts;

    @Inject
    RealmRoles realmRoles;

    @Test
    void leaderIsTakenBackWithTheLastLeadership() {
        long colombia = id("pf.colombia");
        assertFalse(accounts.realmRoles(COLOMBIA_SUBJECT).contains("leader"), "pf.colombia leads nothing");
        String member = "/c/seguridad/members/" + colombia;
        try {
            assertEquals(303, Web.form(Persona.COORDINATOR, member + "/roles",
                    Map.of("role", "LEADER", "community", GENDER)).statusCode());
            assertTrue(accounts.realmRoles(COLOMBIA_SUBJECT).contains("leader"), "granted with the role");
            assertEquals(303, Web.form(Persona.COORDINATOR, member + "/roles",
                    Map.of("role", "LEADER", "community", VICTIMS)).statusCode());

            assertEquals(303, Web.form(Persona.COORDINATOR, member + "/roles/" + leadership(colombia, GENDER)
                    + "/remove", Map.of()).statusCode());
            assertTrue(accounts.realmRoles(COLOMBIA_SUBJECT).contains("leader"),
                    "still leads the victims' subgroup: the realm role stays");

            assertEquals(303, Web.form(Persona.COORDINATOR, member + "/roles/" + leadership(colombia, VICTIMS)
                    + "/remove", Map.of()).statusCode());
            assertFalse(accounts.realmRoles(COLOMBIA_SUBJECT).contains("leader"), "no leadership left: taken back");
            assertTrue(accounts.realmRoles(COLOMBIA_SUBJECT).contains("member"), "the base role stays");
            @SuppressWarnings("unchecked")
            List<String> roles = RestAssured.given().auth().oauth2(Tokens.fresh("pf.colombia")).get("/api/me")
                    .then().statusCode(200).extract().path("realmRoles");
            assertFalse(roles.contains("leader"), "the next token no longer carries it: " + roles);
        } finally {
            Db.update("delete from membership where member_id = ?1 and role = 'LEADER'", colombia);
            accounts.revokeRealmRole(COLOMBIA_SUBJECT, "leader");
        }
    }

    @Test
    void coordinatorIsTakenBackWhenTheMemberIsRemovedFromTheGroup() {
        long brasil = id("pf.brasil");
        Members.Memberships saved = Members.existing(brasil).memberships();
        assertFalse(accounts.realmRoles(BRASIL_SUBJECT).contains("coordinator"));
        try {
            assertEquals(303, Web.form(Persona.ADMIN, "/c/salud/members/" + brasil + "/roles",
                    Map.of("role", "COORDINATOR", "community", "salud")).statusCode());
            assertTrue(accounts.realmRoles(BRASIL_SUBJECT).contains("coordinator"), "granted with the role");

            assertEquals(303, Web.form(Persona.ADMIN, "/c/salud/members/" + brasil + "/remove", Map.of()).statusCode());
            assertFalse(accounts.realmRoles(BRASIL_SUBJECT).contains("coordinator"), "coordinates nothing: taken back");
            assertTrue(accounts.realmRoles(BRASIL_SUBJECT).contains("member"), "the base role stays");
        } finally {
            saved.restore();
            accounts.revokeRealmRole(BRASIL_SUBJECT, "coordinator");
        }
    }

    @Test
    void theForumAdminKeepsTheirRolesWhateverTheirCommunityRoles() {
        realmRoles.reconcile(id("admin.prosur"));
        assertTrue(accounts.realmRoles(ADMIN_SUBJECT).containsAll(List.of("admin", "coordinator", "leader", "member")));
    }

    private long id(String username) {
        return Db.member(username);
    }

    private long leadership(long memberId, String slug) {
        return Db.number("""
                select ms.id from membership ms join community c on c.id = ms.community_id
                where ms.member_id = ?1 and c.slug = ?2 and ms.role = 'LEADER'""", memberId, slug);
    }
}
