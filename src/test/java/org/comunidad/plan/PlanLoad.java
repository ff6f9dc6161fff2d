package org.comunidad.plan;

import org.comunidad.testsupport.Db;

/**
 * A plan of many activities for the SQL-count and timing tests: a general objective, the three
 * subgroups' specific objectives with an action line each and an annual plan for 2021, and the
 * activities spread over the three lines in one statement each, with every status, kind of
 * period (bimesters, exact dates, to be defined, continuing), budgets in two currencies from five
 * funding sources, and deadlines around today (some overdue, some in the next 60 days).
 */
final class PlanLoad {

    static final String[] SUBGROUPS = { "seguridad-asistencia-victimas", "seguridad-delincuencia-organizada",
            "seguridad-prevencion-violencia-genero" };

    final long plan;
    final long[] lines = new long[3];
    final long[] years = new long[3];
    int count;

    PlanLoad(String title) {
        plan = TestPlans.plan("seguridad").titled(title).years(2021, 2030).save();
        long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
        for (int i = 0; i < 3; i++) {
            long spec = TestPlans.item(plan, SUBGROUPS[i]).under(goal).titled("Objetivo específico " + i).save();
            lines[i] = TestPlans.item(plan, SUBGROUPS[i]).under(spec).titled("Línea de acción " + i).save();
            years[i] = TestPlans.year(plan, SUBGROUPS[i], 2021);
        }
    }

    /** Adds activities until there are {@code total}. */
    PlanLoad upTo(int total) {
        for (int i = 0; i < 3; i++) {
            int from = count + (total - count) * i / 3;
            int to = count + (total - count) * (i + 1) / 3;
            if (to > from) {
                Db.update("""
                        insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title,
                                               period_text, period_kind, period_start, period_end, budget_amount,
                                               budget_currency, funding_source, responsible_country, status, progress,
                                               weight, created_by)
                        select ?1, ?2, 4, g, ?3, ?4, 'Actividad de carga ' || g,
                               case g % 4 when 0 then 'Primer bimestre 2021' when 1 then to_char(current_date + (g % 120) - 60, 'DD/MM/YYYY')
                                          when 2 then 'Por definir.' else 'Continuidad' end,
                               case g % 4 when 0 then 'BIMESTER' when 1 then 'DATE' when 2 then 'TO_BE_DEFINED' else 'CONTINUING' end,
                               case g % 4 when 0 then date '2021-01-01' when 1 then current_date + (g % 120) - 60 end,
                               case g % 4 when 0 then date '2021-02-28' when 1 then current_date + (g % 120) - 60 end,
                               100 + g, case when g % 2 = 0 then 'USD' else 'EUR' end, 'Fondo ' || (g % 5), 'PE',
                               (array['PLANNED','IN_PROGRESS','DONE','POSTPONED','CANCELLED'])[1 + g % 5], g % 101,
                               1 + g % 3, ?5
                        from generate_series(?6, ?7) g""", plan, lines[i], Db.community(SUBGROUPS[i]), years[i],
                        Db.member("coord.seguridad"), from, to - 1);
            }
        }
        count = total;
        return this;
    }

    void delete() {
        Db.update("delete from plan where id = ?1", plan);
    }
}
