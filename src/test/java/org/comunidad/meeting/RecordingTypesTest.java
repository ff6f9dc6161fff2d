package org.comunidad.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A recording's type comes from its content; the name only makes a container's family more
 * precise (an ISO file named .mp4 is video/mp4, an Ogg file named .ogg audio/ogg), never turns
 * something else into video or audio. Plain JUnit: Tika's magic bytes, no server.
 */
class RecordingTypesTest {

    private static String detect(byte[] head, String name) throws IOException {
        byte[] bytes = new byte[8192];
        System.arraycopy(head, 0, bytes, 0, head.length);
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        in.mark(70_000);
        return MeetingRecordings.detect(in, name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @Test
    void videoAndAudioByTheirContent() throws IOException {
        assertEquals("video/mp4", detect(RecordingTest.mp4(100), "reunion.mp4"));
        assertEquals("video/mp4", detect(ascii("\0\0\0\u0018ftypmp42\0\0\0\0mp42isom"), "sin-extension"));
        assertEquals("audio/mp4", detect(ascii("\0\0\0\u0018ftypM4A \0\0\0\0M4A isom"), "audio.m4a"));
        assertEquals("audio/mpeg", detect(RecordingTest.mp3(100), "audio.mp3"));
        assertEquals("audio/vnd.wave", detect(ascii("RIFF\u0024\0\0\0WAVEfmt "), "audio.wav"));
        assertEquals("video/webm", detect(hex("1A45DFA39F4286810142F7810142F2810442F381084282847765626D"), "jitsi.webm"));
        assertEquals("audio/ogg", detect(ascii("OggS\0\u0002\0\0\0\0\0\0\0\0"), "audio.ogg"));
    }

    @Test
    void aNameNeverMakesSomethingElseMedia() throws IOException {
        assertNull(detect(ascii("%PDF-1.4\n"), "grabacion.mp4"));
        assertNull(detect(ascii("<html><body>hola</body></html>"), "grabacion.webm"));
        assertNull(detect(new byte[0], "grabacion.mp3"));
        assertNull(detect(ascii("OggS\0\u0002\0\0\0\0\0\0\0\0"), "grabacion.pdf"), "an Ogg file named as a PDF");
        assertNull(detect(ascii("MZ\u0090\0\u0003\0\0\0"), "virus.mp4"));
    }

    @Test
    void fileNamesAreMetadataOnly() {
        assertEquals("grabación 25.11.19.mp4", MeetingRecordings.safeFileName("C:\\Users\\pf\\grabación 25.11.19.mp4"));
        assertEquals("passwd", MeetingRecordings.safeFileName("../../etc/passwd"));
        assertEquals("grabacion", MeetingRecordings.safeFileName("..."));
        assertEquals("a_b.mp4", MeetingRecordings.safeFileName("a\u0000b.mp4"));
    }
}
