package org.comunidad.meeting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the communities' rooms, "Join" and the meetings' recordings, in Spanish
 * (messages/room.properties), Portuguese (room_pt) and English (room_en); templates use {room:...}.
 */
@MessageBundle(value = "room", locale = "es")
public interface RoomMessages {

    @Message String audit_action(MeetingRoomAudit.Action action);

    // The room's page
    @Message String room_title();
    @Message String room_lead();
    @Message String room_address();
    @Message String room_address_hint();
    @Message String room_platform();
    @Message String room_upcoming();
    @Message String room_upcoming_none();
    @Message String room_col_meeting();
    @Message String room_col_when();
    @Message String room_col_join();
    @Message String room_join();
    @Message String room_join_later();
    @Message String room_rotate_title();
    @Message String room_rotate_lead();
    @Message String room_rotate_submit();
    @Message String room_rotated_at();
    @Message String room_rotated_done();
    @Message String room_back();

    // "Join" when it is not open
    @Message String join_title();
    @Message String join_closed(MeetingRooms.Closed closed);
    @Message String join_opens(String date, String time, String city);
    @Message String join_opens_yours(String time);
    @Message String join_place(String place);
    @Message String join_back();

    // Recordings
    @Message String recordings_title();
    @Message String recordings_none();
    @Message String recordings_upload();
    @Message String recordings_file();
    @Message String recordings_file_hint(String max);
    @Message String recordings_upload_submit();
    @Message String recordings_by(String name, String when);
    @Message String recordings_download(String size);
    @Message String recordings_delete();
    @Message String recordings_delete_label(String name);
    @Message String recordings_no_player();
    @Message String recording_refused(RecordingRefused.Code code);
    @Message String recording_limit(long megabytes);
    @Message String recordings_refused_title();
    @Message String recordings_back();
}
