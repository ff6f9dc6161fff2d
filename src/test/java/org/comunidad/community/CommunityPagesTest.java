package org.comunidad.community;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What each person sees of the communities, on the pages and through the API. */
@QuarkusTest
class CommunityPagesTest {

    @Test
    void aFocalPointSeesExactlyTheirWorkingGroups() {
        Persona.MEMBER.request().get("/api/communities").then().statusCode(200)
                .body("findAll { it.kind == 'GROUP' }.slug", containsInAnyOrder("salud", "seguridad"));
        String page = Persona.MEMBER.request().get("/communities").then().statusCode(200).extract().asString();
        assertThat(page, containsString("href=\"/c/seguridad\""));
        assertThat(page, containsString("href=\"/c/salud\""));
        for (String other : List.of("defensa", "energia", "infraestructura", "gestion-riesgo-desastres")) {
            assertThat(page, not(containsString("href=\"/c/" + other + "\"")));
        }
    }

    @Test
    void theForumAdminSeesEveryGroupAndSubgroup() {
        List<String> kinds = Persona.ADMIN.request().get("/api/communities").then().statusCode(200)
                .extract().jsonPath().getList("kind");
        assertEquals(6, kinds.stream().filter("GROUP"::equals).count());
        assertEquals(24, kinds.stream().filter("SUBGROUP"::equals).count());
    }

    @Test
    void theCoordinatorSeesEverySubgroupOfTheirGroupOnMyCommunities() {
        String page = Persona.COORDINATOR.request().get("/communities").then().statusCode(200).extract().asString();
        for (String slug : List.of("seguridad-delincuencia-organizada", "seguridad-asistencia-victimas",
                "seguridad-prevencion-violencia-genero")) {
            assertThat(page, containsString("href=\"/c/" + slug + "\""));
        }
    }

    @Test
    void aMemberSeesOnlyTheirOwnSubgroupsOnMyCommunities() {
        // pf.brasil belongs to Health and only to its digital-transformation subgroup.
        String page = Tokens.as("pf.brasil").get("/communities").then().statusCode(200).extract().asString();
        assertThat(page, containsString("href=\"/c/salud-transformacion-digital\""));
        assertThat(page, not(containsString("href=\"/c/salud-envejecimiento\"")));
    }

    @Test
    void securitySubgroupsShowLeaderAndMemberCountriesFromTheActivityReport() {
        var json = Persona.COORDINATOR.request().get("/api/communities/" + idOf("seguridad")).then().statusCode(200)
                .body("subgroups", hasSize(3))
                .extract().jsonPath();
        assertEquals("CL", json.getString("subgroups.find { it.slug == 'seguridad-delincuencia-organizada' }.leaderCountry"));
        assertEquals(List.of("AR", "EC", "PE", "PY"),
                json.getList("subgroups.find { it.slug == 'seguridad-delincuencia-organizada' }.countries"));
        assertEquals("PY", json.getString("subgroups.find { it.slug == 'seguridad-asistencia-victimas' }.leaderCountry"));
        assertEquals(List.of("CL", "EC", "PE"),
                json.getList("subgroups.find { it.slug == 'seguridad-asistencia-victimas' }.countries"));
        assertEquals("EC", json.getString("subgroups.find { it.slug == 'seguridad-prevencion-violencia-genero' }.leaderCountry"));
        assertEquals(List.of("AR", "PE", "PY"),
                json.getList("subgroups.find { it.slug == 'seguridad-prevencion-violencia-genero' }.countries"));

        String subgroup = Persona.MEMBER.request().get("/c/seguridad-asistencia-victimas").then().statusCode(200)
                .extract().asString();
        assertThat(subgroup, containsString("Paraguay"));
        assertThat(subgroup, containsString("Chile, Ecuador, Perú"));
    }

    @Test
    void theGroupPageListsParticipatingCountriesWithTheirFocalPoints() {
        String page = Persona.MEMBER.request().get("/c/seguridad").then().statusCode(200).extract().asString();
        assertThat(page, containsString("Lucía Quispe"));
        assertThat(page, containsString("Carlos Benítez"));
        assertThat(page, containsString("Andrés Muñoz"));
        assertThat(page, containsString("Sin designar"));
    }

    @Test
    void theMemberListShowsRolesAcrossTheGroupAndItsSubgroups() {
        Persona.MEMBER.request().get("/api/communities/" + idOf("seguridad")).then().statusCode(200)
                .body("members.displayName", hasItem("Carlos Benítez"))
                .body("members.find { it.displayName == 'Andrés Muñoz' }.roles.role", hasItem("COORDINATOR"))
                .body("members.find { it.displayName == 'Carlos Benítez' }.roles.find { it.communitySlug == 'seguridad-asistencia-victimas' && it.role == 'LEADER' }",
                        notNullValue());
    }

    @Test
    void pagesAreInTheLanguageOfTheUsersProfile() {
        String pt = Tokens.as("pf.brasil").get("/c/salud").then().statusCode(200).extract().asString();
        assertThat(pt, containsString("<html lang=\"pt\""));
        assertThat(pt, containsString("Ponto focal"));
        assertThat(pt, containsString("Minhas comunidades"));
        String en = Tokens.as("fp.guyana").get("/c/gestion-riesgo-desastres").then().statusCode(200).extract().asString();
        assertThat(en, containsString("<html lang=\"en\""));
        assertThat(en, containsString("Disaster Risk Management"));
        assertThat(en, containsString("My communities"));
    }

    static long idOf(String slug) {
        return Persona.ADMIN.request().get("/api/communities").then().extract().jsonPath()
                .getLong("find { it.slug == '" + slug + "' }.id");
    }
}
