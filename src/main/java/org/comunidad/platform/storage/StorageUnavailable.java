package org.comunidad.platform.storage;

/** The object store is known to be unreachable now: refused without trying (answered 503 with Retry-After). */
public class StorageUnavailable extends StorageException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailable() {
        super("the object store is unreachable now");
    }
}
