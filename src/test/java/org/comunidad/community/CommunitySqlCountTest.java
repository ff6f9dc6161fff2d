package org.comunidad.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.comunidad.testsupport.Members;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages run a fixed number of SQL statements whatever the number of members: the
 * counts with 3 and with 300 extra members in a working group must be equal.
 */
@QuarkusTest
class CommunitySqlCountTest {

    @Inject
    SqlStatements sql;

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
        Members.numbered(offset, offset + count - 1).subject("load-%d").username("load%d").name("Funcionario %d")
                .countries("CO").institution("Ministerio de Transporte").position("Asesor").in(group).in(subgroup).save();
    }
}
