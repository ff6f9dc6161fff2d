package org.comunidad.platform.storage;

/** The object store could not do what was asked (unreachable, refused, broken stream). */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
