package org.comunidad.plan;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the plans' import and export (the import form, its preview, refusals), in
 * Spanish (messages/plnx.properties), Portuguese (plnx_pt) and English (plnx_en); templates
 * use them as {plnx:...}.
 */
@MessageBundle(value = "plnx", locale = "es")
public interface PlanTransferMessages {

    @Message String violation(PlanImportViolation code);
    @Message String too_large(long kib);
    @Message String refusal(PlanTable.Refusal refusal);
    @Message String reason(Periods.Reason reason);
    @Message String kind(Period.Kind kind);

    @Message String back();
    @Message String import_title();
    @Message String import_lead();
    @Message String import_shape();
    @Message String field_community();
    @Message String field_year();
    @Message String field_file();
    @Message String field_file_hint(int kib);
    @Message String import_submit();

    @Message String preview_title();
    @Message String preview_lead(String community, int year);
    @Message String preview_caption();
    @Message String preview_counts(long read, long refused);
    @Message String preview_refused_note();
    @Message String preview_year_new();
    @Message String preview_year_existing();
    @Message String col_row();
    @Message String col_line();
    @Message String col_becomes();
    @Message String col_deadline();
    @Message String col_read_as();
    @Message String col_result();
    @Message String becomes_product();
    @Message String becomes_activity();
    @Message String result_ok();
    @Message String result_refused(String reason);
    @Message String dates(String start, String end);
    @Message String no_dates();
    @Message String confirm();
    @Message String nothing_to_import();
    @Message String again();

    // Export
    @Message String sheet_details();
    @Message String col_community();
    @Message String col_year();
    @Message String col_level();
    @Message String col_title();
    @Message String col_period();
    @Message String col_budget();
    @Message String col_currency();
    @Message String col_funding();
    @Message String col_country();
    @Message String col_responsible();
    @Message String col_status();
    @Message String col_progress();
    @Message String col_task();
    @Message String col_assignee();
    @Message String col_due();
    @Message String col_activity();
    @Message String export_title();
    @Message String export_plan();
    @Message String export_year(String community, int year);
}
