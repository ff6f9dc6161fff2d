package org.comunidad.platform.content;

/**
 * A numbered page of a list: the page number as the address gives it, held within bounds, and
 * the row offset it starts at. Any whole number is a page: below 1 is the first page, beyond the
 * end is an empty page (the list ends before it), and no page number makes the offset overflow
 * (page 2147483647 once made a negative OFFSET and a 500). The one place lists compute offsets.
 */
public record Paging(int page, int size) {

    public Paging {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + size);
        }
        page = Math.max(1, Math.min(page, lastPage(size)));
    }

    /** Page {@code page} of {@code size} rows; out-of-range numbers are brought within bounds. */
    public static Paging of(int page, int size) {
        return new Paging(page, size);
    }

    /** The first row of this page. */
    public int offset() {
        return (page - 1) * size;
    }

    /** The rows to fetch: the page and one more, which tells whether a next page exists. */
    public int limitWithNext() {
        return size + 1;
    }

    /** The highest page number whose rows (and the one after them) can be addressed with an int offset. */
    static int lastPage(int size) {
        return (Integer.MAX_VALUE - size - 1) / size + 1;
    }
}
