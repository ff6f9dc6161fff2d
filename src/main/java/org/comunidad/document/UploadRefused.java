package org.comunidad.document;

/**
 * A file that is not stored, and why: the user sees the reason in their language and
 * nothing of the upload remains (no row; the partial object is removed or swept).
 */
public class UploadRefused extends RuntimeException {

    public enum Code {
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** The working group's storage quota would be exceeded. */
        QUOTA,
        /** A program or script. */
        EXECUTABLE,
        /** The name says one type and the content another. */
        MISMATCH,
        EMPTY,
        /** The body ended before its announced length (cancelled or cut). */
        INCOMPLETE,
        /** The object store could not be reached; retrying later works. */
        STORAGE_UNAVAILABLE
    }

    private final Code code;
    private final long limit;

    public UploadRefused(Code code, long limit) {
        super("upload refused: " + code);
        this.code = code;
        this.limit = limit;
    }

    public UploadRefused(Code code, Throwable cause) {
        super("upload refused: " + code, cause);
        this.code = code;
        this.limit = 0;
    }

    public Code code() {
        return code;
    }

    public long limit() {
        return limit;
    }

    /** The HTTP status that fits: 413 for sizes, 415 for types, 503 for the store, 400 otherwise. */
    public int status() {
        return switch (code) {
            case TOO_LARGE, QUOTA -> 413;
            case EXECUTABLE, MISMATCH -> 415;
            case STORAGE_UNAVAILABLE -> 503;
            case EMPTY, INCOMPLETE -> 400;
        };
    }
}
