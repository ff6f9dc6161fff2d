package org.comunidad.document;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The document repository's strings, in Spanish (messages/doc.properties), Portuguese
 * (doc_pt) and English (doc_en); templates use them as {doc:...}.
 */
@MessageBundle(value = "doc", locale = "es")
public interface DocMessages {

    @Message String nav();
    @Message String title();
    @Message String lead();
    @Message String browse_title();
    @Message String browse_lead();
    @Message String top_level();
    @Message String breadcrumb();
    @Message String folders();
    @Message String documents();
    @Message String empty();
    @Message String subgroup_spaces();
    @Message String group_space();
    @Message String quota(String used, String limit);
    @Message String quota_label();
    @Message String trash();
    @Message String trash_lead(int days);
    @Message String trash_empty();
    @Message String trash_deleted_by(String who, String when);
    @Message String trash_purge_on(String date);
    @Message String restore();

    @Message String folder_new();
    @Message String folder_name();
    @Message String folder_create();
    @Message String folder_rename();
    @Message String folder_delete();
    @Message String folder_manage();

    @Message String upload();
    @Message String upload_lead(String max);
    @Message String upload_files();
    @Message String upload_drop();
    @Message String upload_submit();
    @Message String upload_cancel();
    @Message String upload_done();

    /** Above a folder's list after the upload script stored several files: they may be on another page. */
    @Message String uploaded_notice();
    @Message String upload_failed();
    @Message String upload_cancelled();
    @Message String upload_progress(String name);
    @Message String upload_batch_hint();
    @Message String upload_no_file();
    @Message String upload_not_allowed();

    @Message String field_title();
    @Message String field_title_hint();
    @Message String field_description();
    @Message String field_type();
    @Message String field_country();
    @Message String field_country_none();
    @Message String field_language();
    @Message String field_tags();
    @Message String field_tags_hint();
    @Message String field_date();
    @Message String field_folder();
    @Message String field_comment();
    @Message String field_file();
    @Message String choose();

    @Message String type(DocumentType type);
    @Message String language(DocumentLanguage language);

    @Message String col_title();
    @Message String col_type();
    @Message String col_country();
    @Message String col_language();
    @Message String col_date();
    @Message String col_size();
    @Message String col_uploaded();
    @Message String col_group();

    @Message String download();
    @Message String preview();
    @Message String versions();
    @Message String version_n(int number);
    @Message String version_current();
    @Message String version_by(String who, String when);
    @Message String version_new();
    @Message String version_upload();
    @Message String sha256();
    @Message String also_available();
    @Message String translation_link();
    @Message String translation_choose();
    @Message String translation_submit();
    @Message String translation_unlink();
    @Message String translation_none();
    @Message String edit();
    @Message String save();
    @Message String delete();
    @Message String delete_confirm();
    @Message String deleted();
    @Message String restored();
    @Message String uploaded_by(String who, String country, String when);
    @Message String text_pending();
    @Message String text_none();
    @Message String text_failed(TextFailure failure);
    @Message String back();

    @Message String search_label();
    @Message String search_placeholder();
    @Message String search_submit();
    @Message String search_results(long count);
    @Message String search_results_more(long count);
    @Message String search_ranked_among(long count);
    @Message String filters();
    @Message String filter_apply();
    @Message String filter_clear();
    @Message String filter_all();
    @Message String filter_from();
    @Message String filter_to();
    @Message String by_type();
    @Message String by_group();
    @Message String by_country();
    @Message String no_results();

    @Message String site_search_title();
    @Message String site_search_lead();
    @Message String site_search_more_documents(long count);
    @Message String site_search_more_documents_more(long count);
    @Message String site_search_count_more(long count);
    @Message String site_search_empty_query();

    @Message String refused(UploadRefused.Code code);
    @Message String refusal(DocumentRefusal reason);
    @Message String validation(DocumentViolation code);
    @Message String limit_is(String limit);

    @Message String activity_period();
    @Message String activity_period_downloads();
    @Message String activity_member();
    @Message String activity_member_downloads();

    @Message String audit_action(DocumentAudit.Action action);
}
