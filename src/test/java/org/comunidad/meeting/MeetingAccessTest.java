package org.comunidad.meeting;

import static org.comunidad.community.AccessRuleTable.GROUP;
import static org.comunidad.community.AccessRuleTable.OTHER_SUBGROUP;
import static org.comunidad.community.AccessRuleTable.SUBGROUP;
import static org.comunidad.community.AccessRuleTable.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The rule table of {@link MeetingAccess}, persona by persona, without starting the application. */
class MeetingAccessTest {

    static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 3, 13, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void everyMemberOfTheWorkingGroupSeesItsMeetingsAndTheirRooms() {
        check("sees the group's meetings", v -> MeetingAccess.sees(v, GROUP), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "cappedLeader");
        check("sees the subgroup's meetings", v -> MeetingAccess.sees(v, SUBGROUP), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "cappedLeader");
    }

    @Test
    void theCoordinatorRunsTheGroupsMeetingsTheLeaderTheSubgroupsAndTheAdminAny() {
        check("runs the group's meetings", v -> MeetingAccess.runs(v, GROUP), "admin", "coordinator");
        check("runs the subgroup's meetings", v -> MeetingAccess.runs(v, SUBGROUP), "admin", "coordinator", "leader");
        check("runs another subgroup's meetings", v -> MeetingAccess.runs(v, OTHER_SUBGROUP), "admin", "coordinator");
        check("moderates the subgroup's room", v -> MeetingAccess.moderatesRoom(v, SUBGROUP), "admin", "coordinator",
                "leader");
    }

    @Test
    void theInvitedAndTheMeetingsOwnCommunityAnswer() {
        check("answers when invited", v -> MeetingAccess.answers(v, SUBGROUP, true), "admin", "coordinator", "leader",
                "subgroupMember", "groupMember", "outsider", "cappedLeader");
        check("answers a subgroup's meeting uninvited", v -> MeetingAccess.answers(v, SUBGROUP, false), "leader",
                "subgroupMember", "cappedLeader");
    }

    @Test
    void onlyTheCoordinatorRotatesTheRoom() {
        check("rotates the group's room", v -> MeetingAccess.rotatesRoom(v, GROUP), "admin", "coordinator");
        check("rotates the subgroup's room", v -> MeetingAccess.rotatesRoom(v, SUBGROUP), "admin", "coordinator");
    }

    @Test
    void joinOpensFifteenMinutesBeforeTheStartUntilTheEndUnlessCancelledOrAtAPlace() {
        Meeting m = meeting(Meeting.Venue.ROOM, Meeting.Status.SCHEDULED);
        assertFalse(MeetingAccess.joinOpen(m, START.minusMinutes(16)), "16 minutes before");
        assertTrue(MeetingAccess.joinOpen(m, START.minusMinutes(15)), "15 minutes before");
        assertTrue(MeetingAccess.joinOpen(m, START.plusMinutes(89)), "during");
        assertFalse(MeetingAccess.joinOpen(m, START.plusMinutes(90)), "at the end");
        assertTrue(MeetingAccess.joinOpen(meeting(Meeting.Venue.LINK, Meeting.Status.SCHEDULED), START),
                "another platform's link");
        assertFalse(MeetingAccess.joinOpen(meeting(Meeting.Venue.PLACE, Meeting.Status.SCHEDULED), START), "a place");
        assertFalse(MeetingAccess.joinOpen(meeting(Meeting.Venue.ROOM, Meeting.Status.CANCELLED), START), "cancelled");
        assertEquals(15, MeetingAccess.JOIN_OPENS.toMinutes());
    }

    static Meeting meeting(Meeting.Venue venue, Meeting.Status status) {
        Meeting m = new Meeting();
        m.venue = venue;
        m.status = status;
        m.startsAt = START;
        m.endsAt = START.plusMinutes(90);
        m.timeZone = "America/Santiago";
        return m;
    }
}
