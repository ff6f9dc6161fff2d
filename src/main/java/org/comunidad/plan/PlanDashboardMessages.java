package org.comunidad.plan;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of a plan's dashboard and timeline, in Spanish (messages/plnd.properties),
 * Portuguese (plnd_pt) and English (plnd_en); templates use them as {plnd:...}.
 */
@MessageBundle(value = "plnd", locale = "es")
public interface PlanDashboardMessages {

    @Message String nav_plan();
    @Message String nav_dashboard();
    @Message String nav_timeline();
    @Message String views();
    @Message String dashboard_title();
    @Message String dashboard_lead();
    @Message String timeline_title();
    @Message String timeline_lead();
    @Message String filters();
    @Message String year();
    @Message String year_all();
    @Message String apply();
    @Message String scope_year(int year);
    @Message String scope_all(int from, int to);
    @Message String whole(String figure);
    @Message String whole_basis(String basis);
    @Message String rule();
    @Message String progress_title();
    @Message String progress_desc(int count, String whole);
    @Message String progress_empty();
    @Message String objectives_title();
    @Message String objectives_desc(int count);
    @Message String objectives_empty();
    @Message String col_subgroup();
    @Message String col_item();
    @Message String col_level();
    @Message String col_owner();
    @Message String col_figure();
    @Message String col_basis();
    @Message String basis_own();
    @Message String basis_done();
    @Message String basis_none();
    @Message String basis_mean(long counted, long left, boolean equal);
    @Message String status_title();
    @Message String status_desc(int count);
    @Message String col_status();
    @Message String col_count();
    @Message String col_share();
    @Message String status_total();
    @Message String status_planned();
    @Message String status_in_progress();
    @Message String status_done();
    @Message String status_postponed();
    @Message String status_cancelled();
    @Message String budget_title();
    @Message String budget_lead();
    @Message String budget_currency(String currency);
    @Message String budget_desc(String currency, String total, int sources);
    @Message String budget_empty();
    @Message String col_funding();
    @Message String col_amount();
    @Message String col_items();
    @Message String budget_total(String currency);
    @Message String no_funding();
    @Message String deadlines_title();
    @Message String deadlines_lead();
    @Message String overdue_title();
    @Message String overdue_empty();
    @Message String overdue_badge();
    @Message String upcoming_title(int days);
    @Message String upcoming_empty();
    @Message String undated(int count);
    @Message String more_deadlines(int count);
    @Message String col_activity();
    @Message String col_community();
    @Message String col_period();
    @Message String col_deadline();
    @Message String col_responsible();
    @Message String col_when();
    @Message String days_late(long days);
    @Message String days_left(long days);
    @Message String timeline_chart();
    @Message String timeline_desc(String from, String to, int dated, int continuing, int undefined);
    @Message String timeline_empty();
    @Message String timeline_key();
    @Message String key_band();
    @Message String key_point();
    @Message String key_rows();
    @Message String today();
    @Message String row_continuing();
    @Message String row_undefined();
    @Message String row_count(int count);
    @Message String col_from();
    @Message String col_to();
    @Message String col_kind();
    @Message String kind_band();
    @Message String kind_point();
    @Message String kind_continuing();
    @Message String kind_undefined();
    @Message String kind_none();
    @Message String no_period();
}
