package org.comunidad.presidency;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the pro tempore presidency and its rotation, in Spanish
 * (messages/pres.properties), Portuguese (pres_pt) and English (pres_en); templates use
 * them as {pres:...}. Kept apart from the big bundle, whose generated code fails
 * verification when it grows.
 */
@MessageBundle(value = "pres", locale = "es")
public interface PresidencyMessages {

    @Message String nav();
    @Message String title();
    @Message String lead();
    @Message String model_title();
    @Message String model_next();
    @Message String model_rotation();
    @Message String model_no_focal_point();
    @Message String model_ceiling();
    @Message String troika_title();
    @Message String troika_previous();
    @Message String troika_current();
    @Message String troika_next();
    @Message String troika_none();
    @Message String troika_manage();
    @Message String term_since(String date);
    @Message String term_between(String start, String end);
    @Message String term_expected(String date);
    @Message String none_recorded();
    @Message String notice_rotated();
    @Message String notice_planned();
    @Message String audit_link();
    @Message String rotation_title();
    @Message String rotation_lead();
    @Message String rotation_submit();
    @Message String next_title();
    @Message String next_lead();
    @Message String next_submit();
    @Message String field_country();
    @Message String field_choose();
    @Message String field_starts_on();
    @Message String field_starts_on_hint();
    @Message String field_expected_on();
    @Message String history_title();
    @Message String history_country();
    @Message String history_from();
    @Message String history_to();
    @Message String history_recorded_by();
    @Message String history_recorded_at();
    @Message String history_ongoing();
    @Message String history_initial_data();
    @Message String preview_title(String country);
    @Message String preview_lead(String previous, String country, String date);
    @Message String preview_lead_first(String country, String date);
    @Message String preview_stale();
    @Message String preview_caption(String country);
    @Message String preview_group();
    @Message String preview_loses();
    @Message String preview_gains(String country);
    @Message String preview_outcome();
    @Message String preview_vacant();
    @Message String preview_keeps(String name);
    @Message String preview_stays_vacant();
    @Message String preview_no_focal_point();
    @Message String preview_summary(long moves, int total);
    @Message String preview_planned_takes_office(String country);
    @Message String preview_planned_dropped(String country);
    @Message String preview_notified();
    @Message String preview_confirm();
    @Message String preview_back();
    @Message String outcome(Rotation.Outcome outcome);
    @Message String problem(Validation.Problem problem);
    @Message String notification_gained();
    @Message String notification_lost();
    @Message String notification_kind();
    @Message String notification_excerpt(String country, String date);

    @Message String audit_action(PresidencyAudit.Action action);
}
