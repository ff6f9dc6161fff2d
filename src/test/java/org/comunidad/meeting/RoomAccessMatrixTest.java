package org.comunidad.meeting;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.WithAccessMatrix;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every route of the rooms and the recordings, for every persona: admin, coordinator of Security,
 * leader of its victims-assistance subgroup, a member of that subgroup (pf.peru), a member of
 * Security outside it (pf.colombia), a member of another group (Energy) and anonymous. Members of
 * the group see the room, join and play; those who run the subgroup's meetings (its leader, the
 * coordinator, the admin) upload and delete recordings; only the coordinator (and the admin)
 * rotates the room's name; anyone else gets 404 whatever ID or URL they try.
 */
@QuarkusTest
class RoomAccessMatrixTest extends WithAccessMatrix {

    static final String SLUG = "seguridad-asistencia-victimas";
    static final String S = "/c/" + SLUG;

    static long meetingStarted() {
        return TestMeetings.in(SLUG).by("lider.victimas").titled("Matriz en curso")
                .at(OffsetDateTime.now().minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)).save();
    }

    static long meetingNextWeek() {
        return TestMeetings.in(SLUG).by("lider.victimas").titled("Matriz próxima")
                .at(OffsetDateTime.now().plusDays(7).withNano(0)).save();
    }

    /** A meeting with one recording the leader uploaded: {meeting}, {rec}. */
    static Map<String, ?> recorded() {
        long meeting = RecordingTest.meeting();
        long rec = RecordingTest.recording(meeting, "matriz.mp4", RecordingTest.mp4(40_000));
        return Map.of("meeting", meeting, "rec", rec);
    }

    static AccessMatrix matrix() {
        Map<Persona, Integer> read = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> runs = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> nobody = expect(404, 404, 404, 404, 404, 404, SIGN_IN);
        Supplier<Long> started = RoomAccessMatrixTest::meetingStarted;
        return AccessMatrix.of("meeting rooms and recordings")
                .get(S + "/room").expect(read)
                .get("/c/seguridad/room").expect(read)
                .form(S + "/room/rotate", Map.of()).expect(303, 303, 403, 403, 403, 404, SIGN_IN)
                .get(S + "/meetings/{meeting}/join").given("meeting", started)
                        .expect(303, 303, 303, 303, 303, 404, SIGN_IN)
                .get(S + "/meetings/{meeting}/join").named("GET join before it opens")
                        .given("meeting", RoomAccessMatrixTest::meetingNextWeek)
                        .expect(409, 409, 409, 409, 409, 404, SIGN_IN)
                .get("/c/seguridad/meetings/{meeting}/join").named("GET join through the parent group")
                        .given("meeting", started).expect(nobody)
                .get(S + "/meetings/{meeting}/recordings").given(RoomAccessMatrixTest::recorded).expect(read)
                .request("POST", S + "/meetings/{meeting}/recordings", (p, url) -> RecordingTest.upload(p, url,
                        "matriz.mp4", RecordingTest.mp4(30_000), "video/mp4"))
                        .given("meeting", RecordingTest::meeting).expect(runs)
                .get(S + "/meetings/{meeting}/recordings/{rec}").given(RoomAccessMatrixTest::recorded).expect(read)
                .get(S + "/meetings/{meeting}/recordings/{rec}").named("GET recording range")
                        .given(RoomAccessMatrixTest::recorded)
                        .send((p, url) -> p.request().header("Range", "bytes=100-199").get(url))
                        .expect(206, 206, 206, 206, 206, 404, SIGN_IN)
                .get("/c/energia/meetings/{meeting}/recordings/{rec}").named("GET recording through another group")
                        .given(RoomAccessMatrixTest::recorded).expect(nobody)
                .get(S + "/meetings/{other}/recordings/{rec}").named("GET recording through another meeting")
                        .given(() -> {
                            Map<String, Object> values = new java.util.HashMap<>(recorded());
                            values.put("other", RecordingTest.meeting());
                            return values;
                        }).expect(nobody)
                .form(S + "/meetings/{meeting}/recordings/{rec}/delete", Map.of())
                        .given(RoomAccessMatrixTest::recorded).expect(runs);
    }
}
