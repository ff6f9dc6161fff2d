package org.comunidad.plan;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the plans (the list, the plan page with its figures and how they are computed,
 * the forms, the annual plan page, the history, refusals, validation, navigation, search and audit
 * labels), in Spanish (messages/pln.properties), Portuguese (pln_pt) and English (pln_en);
 * templates use them as {pln:...}.
 */
@MessageBundle(value = "pln", locale = "es")
public interface PlanMessages {

    @Message String refused(PlanRefusal reason);
    @Message String violation(PlanViolation code);
    @Message String audit_action(PlanAudit.Action action);
    @Message String status(ItemStatus status);
    @Message String plan_status(PlanStatus status);
    @Message String action(PlanChange.Action action);
    @Message String field(String name);
    @Message String nav();
    @Message String search_title();
    @Message String search_none();
    @Message String list_title();
    @Message String list_lead();
    @Message String list_lead_subgroup();
    @Message String new_plan();
    @Message String list_none();
    @Message String branch_figure();
    @Message String plan_figure();
    @Message String no_figure();
    @Message String years_title();
    @Message String years_none();
    @Message String col_year();
    @Message String col_community();
    @Message String col_status();
    @Message String col_items();
    @Message String edit_plan();
    @Message String back();
    @Message String field_title();
    @Message String field_scheme();
    @Message String field_scheme_hint();
    @Message String field_start_year();
    @Message String field_end_year();
    @Message String field_end_year_hint();
    @Message String save();
    @Message String create();
    @Message String validated_by(String who, String when);
    @Message String add_top();
    @Message String history_title();
    @Message String validate_hint();
    @Message String validate();
    @Message String tree_title();
    @Message String rule_hint();
    @Message String tree_empty();
    @Message String overdue();
    @Message String col_period();
    @Message String product_years(Integer start, Integer duration);
    @Message String col_budget();
    @Message String col_funding();
    @Message String col_responsible();
    @Message String col_weight();
    @Message String edit_item();
    @Message String add_child();
    @Message String new_year();
    @Message String create_year();
    @Message String how_title();
    @Message String how_mean();
    @Message String how_child();
    @Message String how_figure();
    @Message String how_left_out_cancelled();
    @Message String how_left_out();
    @Message String how_done();
    @Message String how_own();
    @Message String how_none();
    @Message String col_progress();
    @Message String progress_save();
    @Message String year_title(Integer year, String community);
    @Message String year_figure();
    @Message String year_figure_hint();
    @Message String validate_year_hint();
    @Message String validate_year();
    @Message String activities_title();
    @Message String activities_none();
    @Message String col_activity();
    @Message String no_period();
    @Message String history_lead();
    @Message String history_none();
    @Message String col_when();
    @Message String col_who();
    @Message String col_what();
    @Message String col_item();
    @Message String col_field();
    @Message String col_before();
    @Message String col_after();
    @Message String new_item(String level);
    @Message String under(String parent);
    @Message String field_description();
    @Message String field_owner();
    @Message String field_owner_hint();
    @Message String field_period();
    @Message String field_period_hint();
    @Message String field_year();
    @Message String field_year_none();
    @Message String field_budget();
    @Message String field_amount();
    @Message String field_amount_hint();
    @Message String field_currency();
    @Message String field_currency_hint();
    @Message String field_funding();
    @Message String field_funding_hint();
    @Message String field_country();
    @Message String field_responsible();
    @Message String field_product();
    @Message String field_product_hint();
    @Message String field_item_start_year();
    @Message String field_duration();
    @Message String field_progress_hint();
    @Message String progress_computed();
    @Message String field_weight_hint();
    @Message String delete_hint();
    @Message String delete_item();

    // Views and files of a plan
    @Message String views_label();
    @Message String view_dashboard();
    @Message String view_timeline();
    @Message String export_xlsx();
    @Message String export_csv();
    @Message String import_table();
    @Message String activity_report();
    @Message String make_task();
}
