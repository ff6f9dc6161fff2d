package org.comunidad.platform.storage;

import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What a working group stores, every feature's files together ({@link StorageUse}), in one statement. */
@ApplicationScoped
public class GroupStorage {

    @Inject
    Instance<StorageUse> uses;

    @Inject
    EntityManager em;

    private volatile String sql;

    /** The bytes the group's files take, all features together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long used(long groupId) {
        Number used = (Number) em.createNativeQuery(sql()).setParameter("group", groupId).getSingleResult();
        return used == null ? 0 : used.longValue();
    }

    /** The bytes used, with the group's own quota column (null: the default), in one statement. */
    public record Usage(long used, Long quota) {
    }

    /**
     * {@link #used} and the group's {@code storage_quota_bytes} in one statement (an upload's checks run
     * it twice: before the bytes are read and before the row is committed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Usage usage(long groupId) {
        Object[] row = (Object[]) em.createNativeQuery(sql() + " as used, (select storage_quota_bytes from community "
                + "where id = :group) as quota").setParameter("group", groupId).getSingleResult();
        return new Usage(row[0] == null ? 0 : ((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue());
    }

    private String sql() {
        if (sql == null) {
            String sum = uses.stream().sorted(Comparator.comparing(u -> u.getClass().getName()))
                    .map(u -> "coalesce((" + u.bytesSql().strip() + "), 0)").collect(Collectors.joining(" + "));
            sql = "select " + (sum.isEmpty() ? "0" : sum);
        }
        return sql;
    }
}
