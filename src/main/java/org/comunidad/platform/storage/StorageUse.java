package org.comunidad.platform.storage;

/**
 * Bytes a feature keeps in the object store for a working group. A group has one storage quota
 * for everything its members store (documents, meetings' recordings...): each feature contributes
 * the statement that counts its own files, and {@link GroupStorage} adds them up in one statement.
 */
public interface StorageUse {

    /**
     * A select of one number: the bytes this feature stores for the working group bound as
     * {@code :group} (SQL text of the feature's code only; nothing else is bound), e.g.
     * {@code select coalesce(sum(size_bytes), 0) from meeting_recording where group_id = :group}.
     */
    String bytesSql();
}
