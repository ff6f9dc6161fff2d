package org.comunidad.member;

import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A country responsible (pf.peru, Peru's responsible in the Security subgroups) adds and
 * removes Peru's officials of the group in their subgroup; they cannot add an official of
 * another country, nor touch a subgroup where they are not responsible; only the
 * coordinator (and the admin) can do the same for any country.
 */
@QuarkusTest
class CountryResponsibleTest {

    static final String S = "seguridad-asistencia-victimas";

    @Inject
    EntityManager em;

    /** A Peruvian official of Security, in none of its subgroups (no sign-in needed: they are the one acted on). */
    long peruvian() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> existing = em.createNativeQuery("select id from member where username = 'funcionario.peru'")
                    .getResultList();
            if (!existing.isEmpty()) {
                return ((Number) existing.get(0)).longValue();
            }
            long id = ((Number) em.createNativeQuery("""
                    insert into member (subject, username, email, email_verified, display_name, country_code,
                                        institution, position)
                    values ('test-funcionario-peru', 'funcionario.peru', 'funcionario.peru@example.org', true,
                            'Rosa Huamán', 'PE', 'Ministerio del Interior', 'Asesora') returning id""").getSingleResult())
                    .longValue();
            em.createNativeQuery("""
                    insert into membership (community_id, member_id, role, country_code)
                    select id, ?1, 'MEMBER', 'PE' from community where slug = 'seguridad'""").setParameter(1, id)
                    .executeUpdate();
            return id;
        });
    }

    long colombia() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where username = 'pf.colombia'").getSingleResult()).longValue());
    }

    void setInSubgroup(long member, boolean in) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    delete from membership where member_id = ?1 and role = 'MEMBER'
                    and community_id = (select id from community where slug = ?2)""").setParameter(1, member)
                    .setParameter(2, S).executeUpdate();
            if (in) {
                em.createNativeQuery("""
                        insert into membership (community_id, member_id, role, country_code)
                        select c.id, m.id, 'MEMBER', m.country_code from community c, member m
                        where c.slug = ?2 and m.id = ?1""").setParameter(1, member).setParameter(2, S).executeUpdate();
            }
        });
    }


    static Stream<Arguments> matrix() {
        Map<Persona, Integer> responsibleOrCoordinator = expect(303, 303, 403, 303, 403, 404, 302);
        List<Arguments> args = new ArrayList<>();
        for (String action : new String[] { "add", "remove", "add another country's official" }) {
            for (Persona p : Persona.values()) {
                int expected = action.startsWith("add another")
                        ? expect(303, 303, 403, 403, 403, 404, 302).get(p)
                        : responsibleOrCoordinator.get(p);
                args.add(Arguments.of(action, p, expected));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void onlyTheResponsibleOfThatCountryOrTheCoordinator(String action, Persona persona, int expected) {
        long target = action.startsWith("add another") ? colombia() : peruvian();
        try {
            Response response;
            if (action.equals("remove")) {
                setInSubgroup(target, true);
                response = Web.form(persona, "/c/" + S + "/officials/" + target + "/remove", Map.of());
            } else {
                setInSubgroup(target, false);
                response = Web.form(persona, "/c/" + S + "/officials", Map.of("member", String.valueOf(target)));
            }
            assertEquals(expected, response.statusCode(), action + " as " + persona);
        } finally {
            setInSubgroup(target, false);
        }
    }

    @Test
    void theResponsibleSeesTheirCountrysOfficialsAndNoOtherSubgroup() {
        long rosa = peruvian();
        setInSubgroup(rosa, false);
        try {
            String page = Persona.MEMBER.request().get("/c/" + S + "/members").body().asString();
            assertTrue(page.contains("Funcionarios de Perú en este subgrupo"), page);
            assertTrue(page.contains("<option value=\"" + rosa + "\">Rosa Huamán</option>"), page);
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
