package org.comunidad.platform.web;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.comunidad.community.Community;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every route of the foundation, for every persona: admin, coordinator of the group,
 * subgroup leader, member of the group, member of another group, anonymous. Pages
 * send anonymous users to Keycloak; the API answers 401; a non-member gets 404.
 */
@QuarkusTest
class AccessMatrixTest {

    static final int KEYCLOAK = 302;
    static final int UNAUTHORIZED = 401;

    /**
     * An expectation per persona, in the order ADMIN, COORDINATOR, LEADER, MEMBER, OTHER_GROUP,
     * ANONYMOUS; the member of the group outside the subgroups is treated as MEMBER here (the
     * foundation's routes do not tell them apart).
     */
    static Map<Persona, Integer> expect(int admin, int coordinator, int leader, int member, int otherGroup, int anonymous) {
        Map<Persona, Integer> map = new EnumMap<>(Persona.class);
        map.put(Persona.ADMIN, admin);
        map.put(Persona.COORDINATOR, coordinator);
        map.put(Persona.LEADER, leader);
        map.put(Persona.MEMBER, member);
        map.put(Persona.GROUP_MEMBER, member);
        map.put(Persona.OTHER_GROUP, otherGroup);
        map.put(Persona.ANONYMOUS, anonymous);
        return map;
    }

    record Route(String method, String path, Map<Persona, Integer> expected) {
    }

    static List<Route> routes() {
        long security = id("seguridad");
        long victims = id("seguridad-asistencia-victimas");
        long energy = id("energia");
        Map<Persona, Integer> securityPage = expect(200, 200, 200, 200, 404, KEYCLOAK);
        Map<Persona, Integer> securityApi = expect(200, 200, 200, 200, 404, UNAUTHORIZED);
        Map<Persona, Integer> energyPage = expect(200, 404, 404, 404, 200, KEYCLOAK);
        Map<Persona, Integer> energyApi = expect(200, 404, 404, 404, 200, UNAUTHORIZED);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/", expect(200, 200, 200, 200, 200, 200)));
        routes.add(new Route("GET", "/communities", expect(200, 200, 200, 200, 200, KEYCLOAK)));
        routes.add(new Route("GET", "/c/seguridad", securityPage));
        routes.add(new Route("GET", "/c/seguridad/members", securityPage));
        routes.add(new Route("GET", "/c/seguridad-asistencia-victimas", securityPage));
        routes.add(new Route("GET", "/c/seguridad-asistencia-victimas/members", securityPage));
        routes.add(new Route("GET", "/c/energia", energyPage));
        routes.add(new Route("GET", "/c/energia-integracion", energyPage));
        routes.add(new Route("GET", "/c/no-such-community", expect(404, 404, 404, 404, 404, KEYCLOAK)));
        routes.add(new Route("GET", "/api/me", expect(200, 200, 200, 200, 200, UNAUTHORIZED)));
        routes.add(new Route("GET", "/api/communities", expect(200, 200, 200, 200, 200, UNAUTHORIZED)));
        routes.add(new Route("GET", "/api/communities/" + security, securityApi));
        routes.add(new Route("GET", "/api/communities/" + victims, securityApi));
        routes.add(new Route("GET", "/api/communities/" + energy, energyApi));
        routes.add(new Route("GET", "/api/communities/999999", expect(404, 404, 404, 404, 404, UNAUTHORIZED)));
        routes.add(new Route("POST", "/language", expect(303, 303, 303, 303, 303, 303)));
        routes.add(new Route("GET", "/q/health/ready", expect(200, 200, 200, 200, 200, 200)));
        return routes;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            for (Persona persona : Persona.values()) {
                cases.add(Arguments.of(route.method() + " " + route.path(), persona, route, route.expected().get(persona)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void routeAnswersAsExpected(String name, Persona persona, Route route, int expected) {
        Response response;
        if (route.method().equals("POST")) {
            Csrf csrf = Csrf.fetch(persona);
            response = persona.request().cookie(Csrf.COOKIE, csrf.cookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam(Csrf.FIELD, csrf.token())
                    .formParam("lang", "es").formParam("return", "/communities")
                    .post(route.path());
        } else {
            response = persona.request().get(route.path());
        }
        assertEquals(expected, response.statusCode(), () -> name + " as " + persona + ": " + response.body().asString());
        if (expected == KEYCLOAK) {
            response.then().header("Location",
                    startsWith(ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/auth"));
        }
    }

    static long id(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Community.bySlug(slug).orElseThrow().id);
    }
}
