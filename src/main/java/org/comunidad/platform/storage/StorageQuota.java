package org.comunidad.platform.storage;

/**
 * A working group's storage quota, as the feature that keeps it decides it (the document
 * repository: the group's own limit or the default, against every feature's files,
 * {@link GroupStorage}). A feature that stores files for a group checks its uploads against it.
 */
public interface StorageQuota {

    /** Bytes used and the group's limit. */
    record Quota(long used, long limit) {
        public boolean allows(long more) {
            return used + more <= limit;
        }

        /** How much more fits. */
        public long room() {
            return Math.max(0, limit - used);
        }
    }

    /** The group's quota now. */
    Quota quota(long groupId);

    /**
     * The quota as an upload about to be committed must see it: the group stays locked until the
     * caller's transaction ends, so that uploads of one group (of any feature) commit one at a time.
     */
    Quota lockedQuota(long groupId);
}
