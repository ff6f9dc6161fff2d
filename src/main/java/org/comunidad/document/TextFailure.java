package org.comunidad.document;

/**
 * Why a file's text was not extracted for search; shown on the document's page (the
 * document is still found by its title, description and tags). docs/text-extraction.md.
 */
public enum TextFailure {
    /** Reading took longer than the time limit: the extraction process was stopped. */
    TIMEOUT,
    /** The file is larger than what is read for search; it was not read. */
    TOO_LARGE,
    /** Reading needed more memory than the extraction process has. */
    MEMORY,
    /** Damaged, encrypted, or in a format that cannot be read. */
    PARSE_ERROR,
    /** The extraction process stopped without saying why (or the app stopped during every attempt). */
    CRASHED;

    /**
     * Whether another attempt may succeed: a time limit can be missed on a busy machine and
     * a process can die for reasons outside the file. The others give the same answer every time.
     */
    boolean worthRetrying() {
        return this == TIMEOUT || this == CRASHED;
    }
}
