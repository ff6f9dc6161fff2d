package org.comunidad.testsupport;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Any number of pseudo-random bytes, the same for the same seed, readable from any
 * offset: big uploads without big files or big arrays, and ranges checked exactly.
 */
public final class GeneratedContent extends InputStream {

    private final long seed;
    private final long length;
    private long position;
    private final Runnable atHalf;
    private boolean halfSeen;

    public GeneratedContent(long seed, long length) {
        this(seed, length, null);
    }

    /** With an action run once, by the reading thread, when half of the bytes have been read. */
    public GeneratedContent(long seed, long length, Runnable atHalf) {
        this.seed = seed;
        this.length = length;
        this.atHalf = atHalf;
    }

    /** The byte at a position. */
    public static byte at(long seed, long position) {
        return (byte) (mix(seed + (position >>> 3) * 0x9E3779B97F4A7C15L) >>> ((position & 7) * 8));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static byte[] slice(long seed, long from, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = at(seed, from + i);
        }
        return bytes;
    }

    public static String sha256(long seed, long length) {
        try (GeneratedContent in = new GeneratedContent(seed, length)) {
            return sha256(in);
        }
    }

    public static String sha256(InputStream in) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        if (atHalf != null && !halfSeen && position >= length / 2) {
            halfSeen = true;
            atHalf.run();
        }
        int n = (int) Math.min(count, length - position);
        long block = -1;
        long z = 0;
        for (int i = 0; i < n; i++) {
            long p = position + i;
            if ((p >>> 3) != block) {
                block = p >>> 3;
                z = mix(seed + block * 0x9E3779B97F4A7C15L);
            }
            buffer[offset + i] = (byte) (z >>> ((p & 7) * 8));
        }
        position += n;
        return n;
    }

    @Override
    public void close() {
    }
}
