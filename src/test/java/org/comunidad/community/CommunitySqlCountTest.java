package org.comunidad.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages run a fixed number of SQL statements whatever the number of members: the
 * counts with 3 and with 300 extra members in a working group must be equal.
 */
@QuarkusTest
class CommunitySqlCountTest {

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Test
    void groupPagesAndApiDoNotGrowWithMembers() {
        String[] paths = { "/c/infraestructura", "/c/infraestructura/members", "/c/infra-fisica", "/communities" };
        addMembers("infraestructura", "infra-fisica", 3, 0);
        long[] small = countAll(paths);
        long smallApi = count("/api/communities/" + CommunityPagesTest.idOf("infraestructura"));

        addMembers("infraestructura", "infra-fisica", 297, 3);
        long[] large = countAll(paths);
        long largeApi = count("/api/communities/" + CommunityPagesTest.idOf("infraestructura"));

        for (int i = 0; i < paths.length; i++) {
            assertTrue(small[i] > 0, paths[i] + " ran no SQL: is the counter working?");
            assertEquals(small[i], large[i], paths[i] + ": statements with 3 vs 300 members");
        }
        assertEquals(smallApi, largeApi, "API: statements with 3 vs 300 members");
    }

    private long[] countAll(String[] paths) {
        long[] counts = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            counts[i] = count(paths[i]);
        }
        return counts;
    }

    private long count(String path) {
        // Warm up: the first request of a user may create their member row.
        Persona.ADMIN.request().get(path).then().statusCode(200);
        return sql.steady(() -> Persona.ADMIN.request().get(path).then().statusCode(200));
    }

    /** Members with a group role and a subgroup role each, and their country as a participating country. */
    private void addMembers(String group, String subgroup, int count, int offset) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = offset; i < offset + count; i++) {
                em.createNativeQuery("""
                        insert into member (subject, username, email, display_name, country_code, institution, position)
                        values (:s, :u, :e, :n, 'CO', 'Ministerio de Transporte', 'Asesor')
                        """)
                        .setParameter("s", "load-" + i).setParameter("u", "load" + i)
                        .setParameter("e", "load" + i + "@example.org").setParameter("n", "Funcionario " + i)
                        .executeUpdate();
                em.createNativeQuery("""
                        insert into membership (community_id, member_id, role, country_code)
                        select c.id, m.id, 'MEMBER', 'CO' from community c, member m where c.slug = :c and m.subject = :s
                        """).setParameter("c", group).setParameter("s", "load-" + i).executeUpdate();
                em.createNativeQuery("""
                        insert into membership (community_id, member_id, role, country_code)
                        select c.id, m.id, 'MEMBER', 'CO' from community c, member m where c.slug = :c and m.subject = :s
                        """).setParameter("c", subgroup).setParameter("s", "load-" + i).executeUpdate();
            }
        });
    }
}
