package org.comunidad.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.comunidad.testsupport.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * SELA's 2022-2026 programme of work (seed 002) held by the same model with the "sela" scheme
 * (thematic axis > programme > project > activity): Eje I "Recuperación Económica" with its three
 * programmes, five projects and sixteen activities as its "CRONOGRAMA REFERENCIAL" lists them,
 * and the schedule's columns ("I Trimestre" ... "IV Trimestre" of 2022, "Continuidad" 2023-2026)
 * read by {@link Periods}. The seed's text keeps the "X" of the Continuidad column but not the
 * shading of the quarter columns, so an activity carries "Continuidad 2023-2026" where the seed
 * marks it and no period otherwise; the quarters themselves are read in the table test below.
 * SELA is no forum of the demo: the plan sits in the Security group, which changes nothing here.
 */
@QuarkusTest
class SelaProgrammeTest {

    /** Programme > project > activities (title, whether the seed marks "Continuidad"). */
    static final Map<String, Map<String, List<Object[]>>> EJE_I = new LinkedHashMap<>();

    static {
        Map<String, List<Object[]>> integracion = new LinkedHashMap<>();
        integracion.put("Convergencia y cooperación institucional para la integración", List.of(
                a("Medición de los procesos de integración", true),
                a("Mesa de trabajo de las presidencias y secretarías de los mecanismos de integración regional", true)));
        EJE_I.put("Integración Económica", integracion);
        Map<String, List<Object[]>> comercio = new LinkedHashMap<>();
        comercio.put("Red de Puertos Digitales y Colaborativos", List.of(
                a("Generación de capacidades en materia de digitalización, tecnologías 4.0, sostenibilidad e interoperabilidad a los agentes y funcionarios del sector marítimo-portuario", true),
                a("Encuentro Regional anual de Comunidades Logísticas Portuarias", true),
                a("Operador Económico Autorizado y Régimen Aduanero: Lecciones para la promoción de corredores comerciales seguros para el mercado Europeo", false),
                a("Foro regional para promover tarifas y flacos favorables para la dinámica comercial en ALC", true)));
        comercio.put("Promoción del comercio en ALC", List.of(
                a("Grupo de Trabajo sobre Comercio y Competencia de ALC (GTCC): Fortalecimiento de las capacidades negociadoras de ALC en materia de comercio electrónico", true),
                a("Tratamiento de las barreras legales administrativas al comercio", false),
                a("Ejercicio efectivo de flexibilidades al régimen de propiedad intelectual para proteger la salud pública", false)));
        EJE_I.put("Facilitación del comercio", comercio);
        Map<String, List<Object[]>> pymes = new LinkedHashMap<>();
        pymes.put("Articulación productiva para el fortalecimiento de las Pymes", List.of(
                a("Implementación de la metodología para la identificación de nichos productivos potenciales y mapeo de sectores: Bolivia, Nicaragua y Panamá", true),
                a("Taller de capacitación con enfoque de género para técnicos en políticas públicas dirigidas a Pymes: formalización, internacionalización y financiamiento/Cursos online masivos y abiertos (MOOC's) para el desarrollo de modelos de negocios para Pymes", true),
                a("Índice de Políticas Públicas para Mipymas en ALC (IPPALC): Lanzamiento de la segunda edición", true),
                a("Esquemas de apoyo para acelerar el proceso de recuperación económica postpandemia de las Mipymas en América Latina y el Caribe", false),
                a("Fomento del Ecoturismo y su papel en la promoción del Desarrollo Sostenible", false)));
        pymes.put("Aprovechando las oportunidades de las industrias de bienes y servicios culturales y creativos", List.of(
                a("Construcción de un directorio regional sobre las industrias de bienes y servicios culturales y creativos", false),
                a("Estrategias regionales de apoyo a las industrias de bienes y servicios culturales y creativos", false)));
        EJE_I.put("PYMES", pymes);
    }

    private static Object[] a(String title, boolean continuing) {
        return new Object[] { title, continuing };
    }

    @Test
    void ejeIIsHeldByTheSelaScheme() {
        long plan = TestPlans.plan("seguridad").scheme("sela").titled("Programa de Trabajo 2022-2026").years(2022, 2026)
                .save();
        long year = TestPlans.year(plan, "seguridad", 2022);
        long eje = TestPlans.item(plan, "seguridad").titled("Recuperación Económica").save();
        for (var programme : EJE_I.entrySet()) {
            long p = TestPlans.item(plan, "seguridad").under(eje).titled(programme.getKey()).save();
            for (var project : programme.getValue().entrySet()) {
                long q = TestPlans.item(plan, "seguridad").under(p).titled(project.getKey()).save();
                for (Object[] activity : project.getValue()) {
                    var builder = TestPlans.item(plan, "seguridad").under(q).in(year).titled((String) activity[0]);
                    if ((Boolean) activity[1]) {
                        builder.period("Continuidad 2023-2026");
                    }
                    builder.save();
                }
            }
        }

        PlanTree tree = Db.call(em -> PlanTree.load(em, plan));
        PlanScheme scheme = Db.call(em -> {
            PlanScheme s = em.createQuery("select s from PlanScheme s where s.code = 'sela'", PlanScheme.class)
                    .getSingleResult();
            s.levels.size();
            return s;
        });
        assertEquals(4, scheme.leafDepth());
        assertEquals(List.of("Eje temático", "Programa", "Proyecto", "Actividad"),
                scheme.levels.stream().map(l -> l.name.es).toList());
        assertEquals(List.of("Thematic axis", "Programme", "Project", "Activity"),
                scheme.levels.stream().map(l -> l.name.en).toList());
        assertEquals("Eixo temático", scheme.levels.get(0).name.pt);

        assertEquals(1, tree.roots().size());
        PlanTree.Node root = tree.roots().get(0);
        assertEquals("Recuperación Económica", root.title);
        assertEquals(List.copyOf(EJE_I.keySet()), root.children.stream().map(n -> n.title).toList());
        int projects = 0;
        int activities = 0;
        for (PlanTree.Node programme : root.children) {
            Map<String, List<Object[]>> expected = EJE_I.get(programme.title);
            assertEquals(List.copyOf(expected.keySet()), programme.children.stream().map(n -> n.title).toList());
            for (PlanTree.Node project : programme.children) {
                projects++;
                assertEquals(3, project.depth);
                List<Object[]> acts = expected.get(project.title);
                assertEquals(acts.size(), project.children.size(), project.title);
                for (int i = 0; i < acts.size(); i++) {
                    PlanTree.Node act = project.children.get(i);
                    activities++;
                    assertEquals(4, act.depth);
                    assertTrue(act.isLeaf());
                    assertEquals(acts.get(i)[0], act.title);
                    if ((Boolean) acts.get(i)[1]) {
                        assertEquals(Period.Kind.CONTINUING, act.period.kind());
                        assertEquals("Continuidad 2023-2026", act.period.written());
                        assertEquals(LocalDate.of(2023, 1, 1), act.period.start());
                        assertTrue(!act.period.overdueOn(LocalDate.of(2030, 1, 1)), "continuing: never overdue");
                    } else {
                        assertNull(act.period);
                    }
                }
            }
        }
        assertEquals(5, projects);
        assertEquals(16, activities);
        assertEquals(9, tree.leaves().stream().filter(n -> n.period != null).count());
    }

    /** The schedule's columns, as the seed heads them, read for the programme's first year. */
    @ParameterizedTest
    @CsvSource({ "I Trimestre,2022-01-01,2022-03-31", "II Trimestre,2022-04-01,2022-06-30",
            "III Trimestre,2022-07-01,2022-09-30", "IV Trimestre,2022-10-01,2022-12-31" })
    void theScheduleQuartersAreRead(String written, LocalDate start, LocalDate end) {
        Periods.Reading reading = Periods.read(written, 2022);
        assertTrue(reading.ok(), written);
        assertEquals(Period.Kind.QUARTER, reading.period().kind());
        assertEquals(start, reading.period().start());
        assertEquals(end, reading.period().end());
        assertEquals(written, reading.period().written());
    }

    @Test
    void continuidadIsAnOngoingActivity() {
        Periods.Reading plain = Periods.read("Continuidad", 2022);
        assertEquals(Period.Kind.CONTINUING, plain.period().kind());
        assertNull(plain.period().deadline());
        Periods.Reading years = Periods.read("Continuidad 2023-2026", 2022);
        assertEquals(Period.Kind.CONTINUING, years.period().kind());
        assertEquals(LocalDate.of(2026, 12, 31), years.period().end());
    }
}
