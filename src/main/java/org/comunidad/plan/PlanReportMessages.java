package org.comunidad.plan;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of a working group's yearly activity report and of its page, in Spanish
 * (messages/plnr.properties), Portuguese (plnr_pt) and English (plnr_en); templates use {plnr:...};
 * the DOCX writer reads the same bundle in the report's language.
 */
@MessageBundle(value = "plnr", locale = "es")
public interface PlanReportMessages {

    @Message String language(String code);

    // The page
    @Message String page_title();
    @Message String page_lead();
    @Message String choose_title();
    @Message String field_year();
    @Message String field_language();
    @Message String choose_show();
    @Message String introduction_title(int year, String language);
    @Message String introduction_field();
    @Message String introduction_hint(int max);
    @Message String introduction_save();
    @Message String downloads_title();
    @Message String download_pdf(int year);
    @Message String download_docx(int year);
    @Message String save_title();
    @Message String save_hint();
    @Message String save_button();
    @Message String preview_title();

    // The report
    @Message String report_title(int year);
    @Message String report_subtitle(String group);
    @Message String generated(String date);
    @Message String s_introduction();
    @Message String introduction_none();
    @Message String s_objective();
    @Message String objective_none();
    @Message String s_countries();
    @Message String countries_lead();
    @Message String col_country();
    @Message String col_institutions();
    @Message String caption_countries();
    @Message String s_subgroups();
    @Message String subgroups_none();
    @Message String subgroup_objective();
    @Message String subgroup_leader();
    @Message String subgroup_members();
    @Message String leader_of(String country, String person);
    @Message String none();
    @Message String s_meetings(int year);
    @Message String meetings_none();
    @Message String agreements();
    @Message String agreements_none();
    @Message String s_documents(int year);
    @Message String documents_none();
    @Message String col_date();
    @Message String col_title();
    @Message String col_type();
    @Message String col_community();
    @Message String caption_documents(int year);
    @Message String s_part(String key);
    @Message String s_status(int year);
    @Message String status_lead();
    @Message String status_none();
    @Message String col_subgroup();
    @Message String col_year_figure(int year);
    @Message String col_figure();
    @Message String col_activities();
    @Message String col_done();
    @Message String col_in_progress();
    @Message String col_pending();
    @Message String col_cancelled();
    @Message String caption_status(int year);
    @Message String no_figure();
    @Message String s_next(int year);
    @Message String next_lead();
    @Message String next_none();
    @Message String next_subgroup_none();
    @Message String col_deadline();
    @Message String caption_next(String community, int year);
}
