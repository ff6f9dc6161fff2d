package org.comunidad.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, OpenAPI and the security headers, as an operator relies on them. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabaseAndTheObjectStore() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-store", "database"));
    }

    @Test
    void livenessAndStartupProbesAreUp() {
        // deploy/k8s/app.yaml probes these paths.
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/").then().statusCode(200); // /q/* is not counted: a page is
        // The latency histogram the p95 alert and the dashboard compute from (deploy/monitoring).
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("le=\"0.05\""))
                .body(containsString("le=\"+Inf\""));
    }

    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/api/communities"))
                .body(containsString("/api/me"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().get("/").then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }
}
