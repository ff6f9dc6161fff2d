package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Random;

import jakarta.inject.Inject;

import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.storage.StorageQuota;
import org.comunidad.testsupport.Csrf;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Html;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.SqlStatements;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Web;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Recordings: stored then referenced (the object exists before the row; a refused file leaves
 * neither), typed by their content, counted in the group's quota, played with seeking (a range
 * in the middle answers 206 with exactly those bytes), 404 by every ID for whoever is not a
 * member, deleted with their file by those who run the meeting, audited.
 */
@QuarkusTest
class RecordingTest {

    static final String S = "/c/seguridad-asistencia-victimas/meetings";

    @Inject
    ObjectStore store;

    @Inject
    StorageQuota quotas;

    @Inject
    SqlStatements sql;

    @Inject
    MeetingRecordingJobs jobs;

    /** An MP4 file as cameras and Jitsi's recorder write it: an ISO "ftyp" box, then media data. */
    static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's',
                'o', '2' };
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** An MP3 file with its ID3 tag. */
    static byte[] mp3(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "ID3".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[3] = 3;
        bytes[4] = 0;
        bytes[5] = 0;
        Arrays.fill(bytes, 6, 10, (byte) 0);
        return bytes;
    }

    static long meeting() {
        return TestMeetings.in("seguridad-asistencia-victimas").by("lider.victimas").titled("Con grabación")
                .at(OffsetDateTime.now().minusDays(2).withNano(0)).status("HELD").save();
    }

    static Response upload(Persona persona, String path, String name, byte[] bytes, String type) {
        Csrf csrf = Csrf.fetch(persona.request());
        return persona.request().cookie(Csrf.COOKIE, csrf.cookie()).multiPart(Csrf.FIELD, csrf.token())
                .multiPart("file", name, bytes, type).post(path);
    }

    /** Uploads as the leader and returns the recording's id. */
    static long recording(long meeting, String name, byte[] bytes) {
        Response response = upload(Persona.LEADER, S + "/" + meeting + "/recordings", name, bytes, "video/mp4");
        assertEquals(303, response.statusCode(), response.body().asString());
        assertTrue(response.header("Location").endsWith(S + "/" + meeting + "#recordings"), response.header("Location"));
        return Db.number("select max(id) from meeting_recording where meeting_id = ?1", meeting);
    }

    @Test
    void aRecordingIsStoredThenReferencedAndSeeks() {
        long meeting = meeting();
        byte[] video = mp4(3 * 1024 * 1024 + 17);
        long groupId = Db.community("seguridad");
        long usedBefore = quotas.quota(groupId).used();
        long uploads = Db.number("select count(*) from audit_log where action = 'MEETING_RECORDING_UPLOAD'");

        long id = recording(meeting, "Videoconferencia 25.11.19.mp4", video);
        assertEquals("video/mp4", Db.value("select content_type from meeting_recording where id = ?1", id));
        assertEquals((long) video.length, Db.number("select size_bytes from meeting_recording where id = ?1", id));
        assertEquals(groupId, Db.number("select group_id from meeting_recording where id = ?1", id));
        assertEquals("Videoconferencia 25.11.19.mp4", Db.value("select file_name from meeting_recording where id = ?1", id));
        String key = (String) Db.value("select object_key from meeting_recording where id = ?1", id);
        assertTrue(key.startsWith("recordings/"), key);
        assertEquals(video.length, store.stat(key).orElseThrow().size());
        assertEquals(usedBefore + video.length, quotas.quota(groupId).used(), "counted in the group's quota");
        assertEquals(uploads + 1, Db.number("select count(*) from audit_log where action = 'MEETING_RECORDING_UPLOAD'"));

        String url = S + "/" + meeting + "/recordings/" + id;
        Response whole = Persona.GROUP_MEMBER.request().get(url);
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.contentType());
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertEquals("nosniff", whole.header("X-Content-Type-Options"));
        assertTrue(whole.header("Content-Disposition").startsWith("inline;"));
        assertArrayEquals(video, whole.asByteArray());

        // Seeking: a range in the middle.
        int from = 1_500_000;
        int to = 1_600_123;
        Response middle = Persona.MEMBER.request().header("Range", "bytes=" + from + "-" + to).get(url);
        assertEquals(206, middle.statusCode());
        assertEquals("bytes " + from + "-" + to + "/" + video.length, middle.header("Content-Range"));
        assertEquals(String.valueOf(to - from + 1), middle.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(video, from, to + 1), middle.asByteArray());

        Response open = Persona.MEMBER.request().header("Range", "bytes=" + (video.length - 10) + "-").get(url);
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, video.length - 10, video.length), open.asByteArray());
        Response suffix = Persona.MEMBER.request().header("Range", "bytes=-5").get(url);
        assertArrayEquals(Arrays.copyOfRange(video, video.length - 5, video.length), suffix.asByteArray());

        Response beyond = Persona.MEMBER.request().header("Range", "bytes=" + video.length + "-").get(url);
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + video.length, beyond.header("Content-Range"));
        assertEquals(416, Persona.MEMBER.request().header("Range", "bytes=abc").get(url).statusCode());
    }

    @Test
    void aNonMemberGetsNotFoundByEveryId() {
        long meeting = meeting();
        long id = recording(meeting, "grabacion.mp4", mp4(200_000));
        long other = meeting();
        long missing = id + 1_000_000;
        String[] urls = {
                S + "/" + meeting + "/recordings/" + id,
                S + "/" + meeting + "/recordings/" + missing,
                S + "/" + other + "/recordings/" + id, // a recording of another meeting
                "/c/seguridad/meetings/" + meeting + "/recordings/" + id, // through the parent group
                "/c/energia/meetings/" + meeting + "/recordings/" + id, // through another group
                S + "/999999999/recordings/" + id };
        assertEquals(404, Persona.OTHER_GROUP.request().get(urls[0]).statusCode());
        assertEquals(404, Persona.OTHER_GROUP.request().header("Range", "bytes=0-3").get(urls[0]).statusCode());
        for (String url : urls) {
            assertEquals(404, Persona.OTHER_GROUP.request().get(url).statusCode(), url);
            if (!url.equals(urls[0])) {
                assertEquals(404, Persona.ADMIN.request().get(url).statusCode(), "no such recording there: " + url);
            }
        }
        assertEquals(404, Web.form(Persona.OTHER_GROUP, urls[0] + "/delete", java.util.Map.of()).statusCode());
        assertEquals(404, Web.form(Persona.COORDINATOR, urls[2] + "/delete", java.util.Map.of()).statusCode());
        assertEquals(404, upload(Persona.OTHER_GROUP, S + "/" + meeting + "/recordings", "x.mp4", mp4(50_000),
                "video/mp4").statusCode());
        assertEquals(1, Db.number("select count(*) from meeting_recording where id = ?1", id), "still there");
    }

    @Test
    void onlyVideoOrAudioIsAcceptedWhateverItsName() {
        long meeting = meeting();
        long before = Db.number("select count(*) from meeting_recording");
        Response pdf = upload(Persona.LEADER, S + "/" + meeting + "/recordings", "grabacion.mp4",
                TestFiles.pdf("No soy un video"), "video/mp4");
        assertEquals(415, pdf.statusCode());
        Document page = Html.parse(pdf.body().asString());
        assertNotNull(page.selectFirst("#recording-error"));
        assertNotNull(page.selectFirst("form[enctype=multipart/form-data] input[type=file][name=file]"),
                "the form again");
        Response empty = upload(Persona.LEADER, S + "/" + meeting + "/recordings", "vacio.mp4", new byte[0], "video/mp4");
        assertEquals(400, empty.statusCode());
        assertEquals(before, Db.number("select count(*) from meeting_recording"));

        long audio = recording(meeting, "audio.mp3", mp3(100_000));
        assertEquals("audio/mpeg", Db.value("select content_type from meeting_recording where id = ?1", audio));
    }

    @Test
    void theGroupsQuotaHoldsRecordingsToo() {
        long meeting = meeting();
        long groupId = Db.community("seguridad");
        // Every feature's bytes (StorageUse) and the group's own limit, in one statement.
        assertEquals(1, sql.steady(() -> quotas.quota(groupId)), "the quota: one statement for the bytes and the limit");
        long used = quotas.quota(groupId).used();
        Db.update("update community set storage_quota_bytes = ?2 where id = ?1", groupId, used + 100_000);
        try {
            long before = Db.number("select count(*) from meeting_recording");
            Response over = upload(Persona.LEADER, S + "/" + meeting + "/recordings", "grande.mp4", mp4(300_000),
                    "video/mp4");
            assertEquals(413, over.statusCode());
            assertEquals(before, Db.number("select count(*) from meeting_recording"));
            recording(meeting, "cabe.mp4", mp4(90_000));
        } finally {
            Db.update("update community set storage_quota_bytes = null where id = ?1", groupId);
        }
    }

    @Test
    void thoseWhoRunTheMeetingDeleteARecordingAndItsFile() {
        long meeting = meeting();
        long id = recording(meeting, "borrar.mp4", mp4(120_000));
        String key = (String) Db.value("select object_key from meeting_recording where id = ?1", id);
        String url = S + "/" + meeting + "/recordings/" + id;
        assertEquals(403, Web.form(Persona.MEMBER, url + "/delete", java.util.Map.of()).statusCode());
        Response deleted = Web.form(Persona.LEADER, url + "/delete", java.util.Map.of());
        assertEquals(303, deleted.statusCode());
        assertEquals(0, Db.number("select count(*) from meeting_recording where id = ?1", id));
        assertTrue(store.stat(key).isEmpty(), "the file is gone too");
        assertEquals(404, Persona.LEADER.request().get(url).statusCode());
        assertEquals(1, Db.number("select count(*) from audit_log where action = 'MEETING_RECORDING_DELETE' "
                + "and target_id = ?1", id));
    }

    @Test
    void theMeetingPagePlaysEachRecordingInItsPlayer() {
        long meeting = meeting();
        long video = recording(meeting, "video.mp4", mp4(60_000));
        long audio = recording(meeting, "audio.mp3", mp3(60_000));
        String html = Persona.LEADER.request().get(S + "/" + meeting + "/recordings").then().statusCode(200)
                .extract().asString();
        Document page = Html.parse(html);
        Element player = page.selectFirst("#recording-" + video + " video[controls]");
        assertNotNull(player, html);
        assertEquals(S + "/" + meeting + "/recordings/" + video, player.attr("src"));
        assertNotNull(page.selectFirst("#recording-" + audio + " audio[controls][src=" + S + "/" + meeting
                + "/recordings/" + audio + "]"));
        assertNotNull(page.selectFirst("#recording-upload input[type=file][name=file]"));
        assertNotNull(page.selectFirst("#recording-upload label[for=recording-file]"));
        assertNotNull(page.selectFirst("#recording-" + video + " form[action$=/delete]"));

        Document member = Html.parse(Persona.MEMBER.request().get(S + "/" + meeting + "/recordings").then()
                .statusCode(200).extract().asString());
        assertTrue(member.select("#recording-upload").isEmpty());
        assertTrue(member.select("form[action$=/delete]").isEmpty());
        assertFalse(member.select("video[controls]").isEmpty());
    }

    @Test
    void theSweeperRemovesOnlyObjectsNoRecordingReferences() {
        long meeting = meeting();
        long id = recording(meeting, "se-queda.mp4", mp4(40_000));
        String kept = (String) Db.value("select object_key from meeting_recording where id = ?1", id);
        String orphan = org.comunidad.platform.storage.ObjectKeys.newKey("recordings");
        store.put(orphan, new java.io.ByteArrayInputStream(mp4(1000)), 1000, "video/mp4");
        MeetingRecordingJobs.Sweep sweep = jobs.sweep(java.time.Duration.ofDays(1));
        assertTrue(store.stat(orphan).isPresent(), "younger than the grace period: an upload may be in flight");
        sweep = jobs.sweep(java.time.Duration.ZERO);
        assertTrue(sweep.objects() >= 1);
        assertTrue(store.stat(orphan).isEmpty());
        assertTrue(store.stat(kept).isPresent());
    }
}
