package org.comunidad.plan;

import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The plans' API under the pages' rules: every route for every persona, then the tree with its
 * figures and the shares they came from, the leader's item in the branch, progress, and the same
 * refusals and validation messages as the pages.
 */
@QuarkusTest
class PlanApiTest extends WithAccessMatrix {

    static final String SUBGROUP = PlanResourceTest.SUBGROUP;
    static final String API = "/api/communities/{group}/plans";

    /** The id of the plan in a request's address (/api/communities/1/plans/{plan}/...). */
    static long planIn(String url) {
        return Long.parseLong(url.replaceAll(".*/plans/(\\d+).*", "$1"));
    }

    static long lineOf(long plan) {
        return Db.number("select id from plan_item where plan_id = ?1 and depth = 3", plan);
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, 401);
        Map<Persona, Integer> coordinator = expect(200, 200, 403, 403, 403, 404, 401);
        return AccessMatrix.of("plans api")
                .bind("group", () -> Db.community(PlanResourceTest.GROUP))
                .get(API).expect(read)
                .json(API, Map.of("title", "Plan por API", "scheme", "prosur", "startYear", 2025, "endYear", 2029))
                        .expect(201, 201, 403, 403, 403, 404, 401)
                .get(API + "/{plan}").given(PlanResourceTest::fixtureValues).expect(read)
                .json(API + "/{plan}/validate", Map.of()).given(PlanResourceTest::fixtureValues).expect(coordinator)
                .request("POST", API + "/{plan}/items", (p, url) -> Web.postJson(p, url,
                        Map.of("parent", lineOf(planIn(url)), "title", "Producto por API", "period", "2021")))
                        .given(PlanResourceTest::fixtureValues).expect(201, 201, 201, 403, 403, 404, 401)
                .request("PUT", API + "/{plan}/items/{activity}", (p, url) -> p.request().contentType(ContentType.JSON)
                        .body(Map.of("title", "Taller por API", "budgetAmount", 1200, "budgetCurrency", "CLP")).put(url))
                        .given(PlanResourceTest::fixtureValues).expect(200, 200, 200, 403, 403, 404, 401)
                .json(API + "/{plan}/items/{activity}/progress", Map.of("status", "IN_PROGRESS", "progress", 25))
                        .given(PlanResourceTest::fixtureValues).expect(200, 200, 200, 200, 403, 404, 401)
                .request("POST", API + "/{plan}/years", (p, url) -> Web.postJson(p, url,
                        Map.of("community", Db.community(SUBGROUP), "year", 2022)))
                        .given(PlanResourceTest::fixtureValues).expect(201, 201, 201, 403, 403, 404, 401)
                .get(API + "/{plan}/years/{year}").given(PlanResourceTest::fixtureValues).expect(read)
                .json(API + "/{plan}/years/{year}/validate", Map.of()).given(PlanResourceTest::fixtureValues)
                        .expect(coordinator);
    }

    @Test
    void theTreeCarriesEveryFigureAndTheSharesItCameFrom() {
        PlanResourceTest.Fixture f = PlanResourceTest.fixture();
        TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Pesada").progress(40).weight("3").save();
        TestPlans.item(f.plan(), SUBGROUP).under(f.line()).depth(5).titled("Cancelada").status("CANCELLED").save();
        long subgroup = Db.community(SUBGROUP);
        String base = "/api/communities/" + subgroup + "/plans/" + f.plan();
        JsonPath tree = Persona.MEMBER.request().get(base).then().statusCode(200).extract().jsonPath();
        // line: (0 x 1 + 40 x 3) / 4 = 30.0
        Map<String, Object> line = tree.getMap("items.find { it.id == " + f.line() + " }");
        assertEquals("MEAN", line.get("basis"));
        assertEquals(30.0f, ((Number) line.get("figure")).floatValue());
        List<Map<String, Object>> shares = tree.getList("items.find { it.id == " + f.line() + " }.shares");
        assertEquals(3, shares.size());
        assertEquals(1L, shares.stream().filter(s -> Boolean.TRUE.equals(s.get("excluded"))).count());
        assertEquals("Línea de acción", line.get("level"));
        assertEquals(30.0f, tree.getFloat("figure"));

        // The focal point reports; a parent's progress is refused with the reason.
        Response done = Web.postJson(Persona.MEMBER, base + "/items/" + f.activity() + "/progress",
                Map.of("status", "DONE"));
        assertEquals(200, done.statusCode(), done.body().asString());
        assertEquals(100, done.jsonPath().getInt("progress"), "done without a figure counts 100");
        Response parent = Web.postJson(Persona.LEADER, base + "/items/" + f.line() + "/progress",
                Map.of("status", "IN_PROGRESS", "progress", 50));
        assertEquals(400, parent.statusCode());
        assertTrue(parent.body().asString().contains("progress"), parent.body().asString());

        // A wrong currency is a 400 naming the field.
        Response bad = Persona.LEADER.request().contentType(ContentType.JSON)
                .body(Map.of("budgetAmount", 10, "budgetCurrency", "EURO")).put(base + "/items/" + f.activity());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().asString().contains("budgetCurrency"), bad.body().asString());
        // The subgroup's id lists the group's plan with the branch's figure.
        JsonPath list = Persona.MEMBER.request().get("/api/communities/" + subgroup + "/plans").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(list.getList("plans.id", Number.class).stream().anyMatch(n -> n.longValue() == f.plan()));
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutes() {
        String openapi = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertTrue(openapi.contains("/api/communities/{id}/plans/{pid}/items/{item}/progress"));
        assertTrue(openapi.contains("/api/communities/{id}/plans/{pid}/years/{yid}/validate"));
        assertTrue(openapi.contains("ItemRequest"));
        assertTrue(openapi.contains("ShareDto"));
    }
}
