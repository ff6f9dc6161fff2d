package org.comunidad.activity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the activity pages, in Spanish (messages/act.properties), Portuguese
 * (act_pt) and English (act_en); templates use them as {act:...}.
 */
@MessageBundle(value = "act", locale = "es")
public interface ActivityMessages {

    @Message String nav();
    @Message String title();
    @Message String lead();
    @Message String filters();
    @Message String scope();
    @Message String scope_all();
    @Message String scope_explain_all();
    @Message String scope_explain_subgroup(String subgroup);
    @Message String period();
    @Message String period_weeks();
    @Message String period_months();
    @Message String apply();
    @Message String range(String from, String to);
    @Message String chart_weeks();
    @Message String chart_months();
    @Message String chart_desc(String from, String to, int peak, String when);
    @Message String chart_desc_empty(String from, String to);
    @Message String table_note();
    @Message String col_week();
    @Message String col_month();
    @Message String col_total();
    @Message String period_total();
    @Message String no_country();
    @Message String in_progress();
    @Message String week_of(String date);
    @Message String axis_day_pattern();
    @Message String summary_title();
    @Message String summary_active(long active, long members);
    @Message String countries_title();
    @Message String countries_lead();
    @Message String col_country();
    @Message String col_members();
    @Message String col_active();
    @Message String col_share();
    @Message String content_title();
    @Message String top_title();
    @Message String top_lead();
    @Message String top_empty();
    @Message String col_member();
    @Message String col_days();
    @Message String col_last();
    @Message String member_title();
    @Message String member_lead();
    @Message String member_chart();
    @Message String member_chart_desc(String from, String to, long days, int peak, String when);
    @Message String member_days();
    @Message String member_total(long days);
    @Message String member_last(String date);
    @Message String member_never();
}
