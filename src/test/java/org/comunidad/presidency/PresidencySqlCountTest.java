package org.comunidad.presidency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The presidency page, the rotation's preview and the troika of "My communities" run a
 * fixed number of SQL statements whatever the number of working groups: 3 and 300 extra
 * groups, each with a coordinator and a focal point of the incoming country.
 */
@QuarkusTest
class PresidencySqlCountTest {

    static final String[] PATHS = { "/presidency", "/presidency/rotation?country=CO&startsOn=2020-12-12",
            "/communities" };

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Test
    void presidencyPagesDoNotGrowWithGroups() {
        try {
            addGroups(0, 3);
            Map<String, Long> small = countAll();
            addGroups(3, 297);
            Map<String, Long> large = countAll();
            assertTrue(Persona.ADMIN.request().get(PATHS[1]).body().asString().contains("Grupo de carga 299"));
            small.forEach((path, statements) -> {
                assertTrue(statements > 0, path + " ran no SQL: is the counter working?");
                assertEquals(statements, large.get(path), path + ": statements with 3 vs 300 groups");
            });
            System.out.printf("SQL statements per presidency page (3 -> 300 groups): %s -> %s%n", small, large);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from community where slug like 'rotation-load-%'").executeUpdate();
                em.createNativeQuery("delete from member where subject like 'rotation-load-%'").executeUpdate();
            });
        }
    }

    private Map<String, Long> countAll() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : PATHS) {
            // "My communities" as a member (the admin's lists every group); the presidency pages are the admin's.
            Persona persona = path.equals("/communities") ? Persona.MEMBER : Persona.ADMIN;
            // Warm up: the first request of a user may create their member row.
            persona.request().get(path).then().statusCode(200);
            counts.put(path, sql.steady(() -> persona.request().get(path).then().statusCode(200)));
        }
        return counts;
    }

    /** Working groups with a Chilean coordinator and a Colombian focal point each. */
    private void addGroups(int offset, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into community (forum_id, kind, slug, position, name_es, name_pt, name_en)
                    select f.id, 'GROUP', 'rotation-load-' || n, 100 + n, 'Grupo de carga ' || n, 'Grupo de carga ' || n,
                           'Load group ' || n
                    from forum f, generate_series(?1, ?2) n where f.code = 'prosur'""")
                    .setParameter(1, offset).setParameter(2, offset + count - 1).executeUpdate();
        });
        Members.numbered(offset, offset + count - 1).subject("rotation-load-CL-%d").username("load.cl.%d")
                .name("Funcionario CL %d").countries("CL").in("rotation-load-%d", "COORDINATOR").save();
        Members.numbered(offset, offset + count - 1).subject("rotation-load-CO-%d").username("load.co.%d")
                .name("Funcionario CO %d").countries("CO").in("rotation-load-%d", "FOCAL_POINT").save();
    }
}
