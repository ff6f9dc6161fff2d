package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The three 2021 work plans of seed 001, section 7, imported through the pages from CSV and from
 * XLSX, reproduce every action line, product or activity and deadline: each row of the file, read
 * here with a plain CSV parser (a blank first cell continues the line above), is in the plan, in
 * order, under its line, with its deadline as written and as read.
 */
@QuarkusTest
class PlanImportSeedTest {

    @ParameterizedTest(name = "{0} from {4}")
    @CsvSource({ "seed001-victimas.csv,seguridad-asistencia-victimas,3,4,csv,PRODUCTS",
            "seed001-dot.csv,seguridad-delincuencia-organizada,2,5,csv,PRODUCTS",
            "seed001-prevencion.csv,seguridad-prevencion-violencia-genero,5,5,csv,ACTIVITIES",
            "seed001-victimas.csv,seguridad-asistencia-victimas,3,4,xlsx,PRODUCTS",
            "seed001-dot.csv,seguridad-delincuencia-organizada,2,5,xlsx,PRODUCTS",
            "seed001-prevencion.csv,seguridad-prevencion-violencia-genero,5,5,xlsx,ACTIVITIES" })
    void theSeedTableIsReproduced(String seed, String subgroup, int lines, int items, String format, String kind) {
        byte[] csv = PlanImports.resource(seed);
        List<List<String>> cells = PlanImports.csvCells(csv);
        byte[] file = format.equals("csv") ? csv : PlanImports.xlsx(cells);
        long plan = TestPlans.plan("seguridad").save();
        long year = PlanImports.importTable(Persona.COORDINATOR, "seguridad", plan, subgroup, 2021, "plan." + format, file);

        List<List<String>> expected = new ArrayList<>();
        String line = null;
        for (List<String> row : cells.subList(1, cells.size())) {
            if (!row.get(0).isBlank()) {
                line = row.get(0).strip().replaceAll("\\s+", " ");
            }
            expected.add(List.of(line, row.get(1).strip().replaceAll("\\s+", " "), row.get(2).strip()));
        }
        List<List<String>> stored = PlanImports.table(year);
        assertEquals(expected, stored.stream().map(r -> r.subList(0, 3)).toList());
        assertEquals(items, stored.size());
        assertEquals(lines, stored.stream().map(r -> r.get(0)).distinct().count());
        int depth = kind.equals("ACTIVITIES") ? 5 : 4;
        stored.forEach(r -> {
            assertEquals(String.valueOf(depth), r.get(6), "products at depth 4, activities at 5");
            assertEquals("3", r.get(7), "under action lines");
            Period p = Periods.read(r.get(2), 2021).period();
            assertEquals(p.kind().name(), r.get(3));
            assertEquals(p.start() == null ? "" : p.start().toString(), r.get(4));
            assertEquals(p.end() == null ? "" : p.end().toString(), r.get(5));
        });
        // The lines hang from the subgroup's specific objective.
        assertEquals(lines, Db.number("""
                select count(*) from plan_item l join plan_item o on o.id = l.parent_id
                where l.plan_id = ?1 and l.depth = 3 and o.depth = 2 and o.community_id = ?2""", plan,
                Db.community(subgroup)));
    }
}
