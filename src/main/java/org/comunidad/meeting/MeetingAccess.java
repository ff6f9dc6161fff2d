package org.comunidad.meeting;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.security.Viewer;

/**
 * Who may do what with meetings. Every member of a working group (through any role in it or
 * in one of its subgroups, and the admin) sees the group's and its subgroups' meetings, their
 * records, their room and its link, and plays their recordings; anyone else gets 404.
 * Meetings are run by the community's moderators: a working group's meetings by its
 * coordinator, a subgroup's by its leader and the group's coordinator, any by the forum
 * admin. They schedule, edit, postpone and cancel, record attendance, minutes, agreements
 * and action items, and upload recordings. An invited official answers the invitation; so may
 * any member of the meeting's own community (they join the invitees). Only the group's
 * coordinator (or the admin) rotates a room's name. "Join" opens 15 minutes before the start
 * and closes at the end, for meetings in the community's room or on another platform's link
 * that are not cancelled.
 */
public final class MeetingAccess {

    /** How long before the start the "Join" button opens. */
    public static final Duration JOIN_OPENS = Duration.ofMinutes(15);

    private MeetingAccess() {
    }

    public static boolean sees(Viewer viewer, Community community) {
        return CommunityAccess.canView(viewer, community);
    }

    /** Schedules and runs the community's meetings: its leader (subgroup), the coordinator, the admin. */
    public static boolean runs(Viewer viewer, Community community) {
        return CommunityAccess.moderates(viewer, community);
    }

    /** Answers the invitation: an invited official, or a member of the meeting's own community. */
    public static boolean answers(Viewer viewer, Community community, boolean invited) {
        return invited || CommunityAccess.belongsTo(viewer, community.id);
    }

    public static boolean rotatesRoom(Viewer viewer, Community community) {
        return CommunityAccess.coordinates(viewer, community.groupId());
    }

    /** Whether "Join" is active at {@code now}: from 15 minutes before the start until the end, unless cancelled. */
    public static boolean joinOpen(Meeting meeting, OffsetDateTime now) {
        return meeting.venue != Meeting.Venue.PLACE && !meeting.isCancelled()
                && !now.isBefore(meeting.startsAt.minus(JOIN_OPENS)) && now.isBefore(meeting.endsAt);
    }

    /** Moderator in the room (the token's context.user.moderator): those who run the meeting. */
    public static boolean moderatesRoom(Viewer viewer, Community community) {
        return runs(viewer, community);
    }
}
