package org.comunidad.platform.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

/**
 * The part of a file a {@code Range} header asks for (RFC 9110, one range of bytes: "bytes=10-",
 * "bytes=10-20", "bytes=-500"), for every download that seeks: documents, meetings' recordings.
 *
 * @param start the first byte
 * @param end the last byte, inclusive
 * @param partial whether a range was asked for (206) or the whole file is sent (200)
 */
public record ByteRange(long start, long end, boolean partial) {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    public long length() {
        return end - start + 1;
    }

    /** The {@code Content-Range} of a partial answer. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }

    /**
     * The range of a file of {@code size} bytes that the header asks for: the whole file without a
     * header; empty when the header cannot be satisfied (answer {@link #unsatisfiable(long)}).
     */
    public static Optional<ByteRange> of(String header, long size) {
        if (header == null || header.isBlank()) {
            return Optional.of(new ByteRange(0, size - 1, false));
        }
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        long start;
        long end = size - 1;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return Optional.empty();
                }
                start = Math.max(0, size - suffix);
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(m.group(2)));
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (start >= size || start > end) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(start, end, true));
    }

    /** 416 with the file's size, as RFC 9110 asks. */
    public static Response unsatisfiable(long size) {
        return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }
}
