package org.comunidad.platform.web;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;

import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.WithAccessMatrix;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every route of the foundation, for every persona: admin, coordinator of the group,
 * subgroup leader, member of the group, member of another group, anonymous. Pages
 * send anonymous users to Keycloak; the API answers 401; a non-member gets 404. The
 * foundation's routes do not tell the member of the subgroup from the member of the
 * group outside it: both columns hold the same answers.
 */
@QuarkusTest
class AccessMatrixTest extends WithAccessMatrix {

    static final int UNAUTHORIZED = 401;

    static AccessMatrix matrix() {
        Map<Persona, Integer> securityPage = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> securityApi = expect(200, 200, 200, 200, 200, 404, UNAUTHORIZED);
        Map<Persona, Integer> energyPage = expect(200, 404, 404, 404, 404, 200, SIGN_IN);
        Map<Persona, Integer> energyApi = expect(200, 404, 404, 404, 404, 200, UNAUTHORIZED);
        return AccessMatrix.of("foundation")
                .bind("security", () -> Db.community("seguridad"))
                .bind("victims", () -> Db.community("seguridad-asistencia-victimas"))
                .bind("energy", () -> Db.community("energia"))
                .get("/").expect(200, 200, 200, 200, 200, 200, 200)
                .get("/communities").expect(200, 200, 200, 200, 200, 200, SIGN_IN)
                .get("/c/seguridad").expect(securityPage)
                .get("/c/seguridad/members").expect(securityPage)
                .get("/c/seguridad-asistencia-victimas").expect(securityPage)
                .get("/c/seguridad-asistencia-victimas/members").expect(securityPage)
                // The directory's exports are the coordinator's (and the admin's)
                .get("/c/seguridad/members.csv").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .get("/c/seguridad/members.vcf").expect(200, 200, 403, 403, 403, 404, SIGN_IN)
                .get("/c/energia").expect(energyPage)
                .get("/c/energia-integracion").expect(energyPage)
                .get("/c/no-such-community").expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .get("/api/me").expect(200, 200, 200, 200, 200, 200, UNAUTHORIZED)
                .get("/api/communities").expect(200, 200, 200, 200, 200, 200, UNAUTHORIZED)
                .get("/api/communities/{security}").expect(securityApi)
                .get("/api/communities/{victims}").expect(securityApi)
                .get("/api/communities/{energy}").expect(energyApi)
                .get("/api/communities/999999").expect(404, 404, 404, 404, 404, 404, UNAUTHORIZED)
                .form("/language", Map.of("lang", "es", "return", "/communities")).expect(303, 303, 303, 303, 303, 303, 303)
                .get("/q/health/ready").expect(200, 200, 200, 200, 200, 200, 200);
    }
}
