package org.comunidad.platform.web;

/** A part the request needs (the database, the object store) cannot be reached now: 503 with Retry-After. */
public class Unavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is missing. */
    public enum Part {
        DATABASE, STORAGE
    }

    private final Part part;

    public Unavailable(Part part) {
        super(part.name().toLowerCase(java.util.Locale.ROOT) + " unreachable", null, false, false);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
