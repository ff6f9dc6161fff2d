package org.comunidad.member;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * A country responsible (pf.peru, Peru's responsible in the Security subgroups) adds and
 * removes Peru's officials of the group in their subgroup; they cannot add an official of
 * another country, nor touch a subgroup where they are not responsible; only the
 * coordinator (and the admin) can do the same for any country.
 */
@QuarkusTest
class CountryResponsibleTest extends WithAccessMatrix {

    static final String S = "seguridad-asistencia-victimas";

    @Inject
    EntityManager em;

    /** A Peruvian official of Security, in none of its subgroups (no sign-in needed: they are the one acted on). */
    static long peruvian() {
        List<?> existing = Db.call(em -> em.createNativeQuery("select id from member where username = 'funcionario.peru'")
                .getResultList());
        if (!existing.isEmpty()) {
            return ((Number) existing.get(0)).longValue();
        }
        return Members.create("test-funcionario-peru").username("funcionario.peru").verifiedEmail()
                .name("Rosa Huamán").country("PE").institution("Ministerio del Interior").position("Asesora")
                .in("seguridad").save();
    }

    static long colombia() {
        return Db.member("pf.colombia");
    }

    static void setInSubgroup(long member, boolean in) {
        Members.existing(member).out(S, "MEMBER");
        if (in) {
            Members.existing(member).in(S, "MEMBER");
        }
    }

    /** The official acted on, out of (or in) the subgroup before the request and out of it after. */
    static Supplier<Long> official(Supplier<Long> who, boolean inSubgroup) {
        return () -> {
            long target = who.get();
            setInSubgroup(target, inSubgroup);
            return target;
        };
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> responsibleOrCoordinator = expect(303, 303, 403, 303, 403, 404, SIGN_IN);
        String officials = "/c/" + S + "/officials";
        Consumer<Map<String, Object>> leaveSubgroup = v -> setInSubgroup((Long) v.get("target"), false);
        return AccessMatrix.of("country responsible")
                .form(officials, Map.of("member", "{target}")).named("add")
                        .given("target", official(CountryResponsibleTest::peruvian, false)).after(leaveSubgroup)
                        .expect(responsibleOrCoordinator)
                .form(officials + "/{target}/remove", Map.of()).named("remove")
                        .given("target", official(CountryResponsibleTest::peruvian, true)).after(leaveSubgroup)
                        .expect(responsibleOrCoordinator)
                .form(officials, Map.of("member", "{target}")).named("add another country's official")
                        .given("target", official(CountryResponsibleTest::colombia, false)).after(leaveSubgroup)
                        .expect(303, 303, 403, 403, 403, 404, SIGN_IN);
    }

    @Test
    void theResponsibleSeesTheirCountrysOfficialsAndNoOtherSubgroup() {
        long rosa = peruvian();
        setInSubgroup(rosa, false);
        try {
            String page = Persona.MEMBER.request().get("/c/" + S + "/members").body().asString();
            assertTrue(page.contains("Funcionarios de Perú en este subgrupo"), page);
            assertEquals("Rosa Huamán", Html.one(page, "#official-member option[value=" + rosa + "]").text());
            assertFalse(Persona.GROUP_MEMBER.request().get("/c/" + S + "/members").body().asString()
                    .contains("Funcionarios de"), "not for someone who is not responsible there");

            Response colombian = Web.form(Persona.MEMBER, "/c/" + S + "/officials",
                    Map.of("member", String.valueOf(colombia())));
            assertEquals(403, colombian.statusCode());
            assertTrue(colombian.body().asString().contains("Solo el responsable de país del subgrupo"));

            String saludSubgroup = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select slug from community where parent_id = (select id from community where slug = 'salud') "
                            + "order by id limit 1").getSingleResult());
            assertEquals(403, Web.form(Persona.MEMBER, "/c/" + saludSubgroup + "/officials",
                    Map.of("member", String.valueOf(rosa))).statusCode(), "not responsible in Health's subgroups");

            assertEquals(303, Web.form(Persona.MEMBER, "/c/" + S + "/officials", Map.of("member", String.valueOf(rosa)))
                    .statusCode());
            assertTrue(Persona.MEMBER.request().get("/c/" + S + "/members").body().asString()
                    .contains("funcionario.peru@example.org"), "Rosa is now in the subgroup");
        } finally {
            setInSubgroup(rosa, false);
        }
    }
}
