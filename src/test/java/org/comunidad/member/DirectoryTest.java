package org.comunidad.member;

import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.comunidad.testsupport.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The members' directory: filters by country, role and subgroup, search without accents,
 * and the coordinators' CSV and vCard exports (nobody else's).
 */
@QuarkusTest
class DirectoryTest {

    static final String G = "/c/seguridad/members";

    String page(Persona persona, String query) {
        Response response = persona.request().get(G + query);
        assertEquals(200, response.statusCode());
        return response.body().asString();
    }

    @Test
    void filtersAndSearchNarrowTheDirectory() {
        String all = page(Persona.MEMBER, "");
        assertTrue(all.contains("pf.peru@demo.prosur.example"));
        assertTrue(all.contains("coord.seguridad@demo.prosur.example"));

        String peru = page(Persona.MEMBER, "?country=PE");
        assertTrue(peru.contains("pf.peru@demo.prosur.example"));
        assertFalse(peru.contains("coord.seguridad@demo.prosur.example"), "Chile's coordinator is filtered out");

        String leaders = page(Persona.MEMBER, "?role=LEADER");
        assertTrue(leaders.contains("lider.victimas@demo.prosur.example"));
        assertFalse(leaders.contains("pf.colombia@demo.prosur.example"));

        String subgroup = page(Persona.MEMBER, "?subgroup=seguridad-asistencia-victimas");
        assertTrue(subgroup.contains("lider.victimas@demo.prosur.example"));
        assertFalse(subgroup.contains("pf.colombia@demo.prosur.example"), "pf.colombia is in no subgroup");

        String search = page(Persona.MEMBER, "?q=MUNOZ");
        assertTrue(search.contains("coord.seguridad@demo.prosur.example"), "Muñoz is found as MUNOZ");
        assertFalse(search.contains("pf.peru@demo.prosur.example"));

        assertFalse(all.contains("members.csv"), "members do not get the export links");
        assertTrue(page(Persona.COORDINATOR, "?country=PE").contains("/c/seguridad/members.csv?country=PE"));
    }

    @Test
    void theCoordinatorExportsCsvAndVcards() {
        Response csv = Persona.COORDINATOR.request().get(G + ".csv?country=PE");
        assertEquals(200, csv.statusCode());
        String text = csv.body().asString();
        assertTrue(text.startsWith("\ufeffNombre,Correo,Teléfono,País,Institución,Cargo,Funciones\r\n"), text);
        assertTrue(text.contains("pf.peru@demo.prosur.example,,Perú"), text);
        assertFalse(text.contains("coord.seguridad@"), "the page's filter applies to the export");

        Response vcf = Persona.COORDINATOR.request().get(G + ".vcf");
        assertEquals(200, vcf.statusCode());
        assertTrue(vcf.contentType().startsWith("text/vcard"));
        String cards = vcf.body().asString();
        assertTrue(cards.contains("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:"), cards);
        assertTrue(cards.contains("EMAIL;TYPE=work:pf.peru@demo.prosur.example\r\n"));
        assertTrue(cards.contains("NOTE:Seguridad y Combate al Crimen: Punto focal"), cards);
        assertEquals(cards.split("BEGIN:VCARD").length - 1, cards.split("END:VCARD").length - 1);
    }


    static Stream<Arguments> exports() {
        Map<Persona, Integer> coordinatorOnly = expect(200, 200, 403, 403, 403, 404, 302);
        List<Arguments> args = new ArrayList<>();
        for (String path : new String[] { G + ".csv", G + ".vcf", "/c/seguridad-asistencia-victimas/members.csv",
                "/c/seguridad-asistencia-victimas/members.vcf" }) {
            for (Persona p : Persona.values()) {
                args.add(Arguments.of(path, p, coordinatorOnly.get(p)));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "GET {0} as {1} -> {2}")
    @MethodSource("exports")
    void exportsAreForCoordinators(String path, Persona persona, int expected) {
        assertEquals(expected, persona.request().get(path).statusCode(), path + " as " + persona);
    }
}
