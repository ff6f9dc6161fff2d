package org.comunidad.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.comunidad.platform.web.RequestIds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Who did what, when, in which community: written in the same transaction as the
 * action, so that an action without its record cannot exist. Rows are never updated.
 */
@Entity
@Table(name = "audit_log")
public class AuditLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "community_id")
    public Long communityId;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(name = "target_type", nullable = false, length = 30)
    public String targetType;

    @Column(name = "target_id")
    public Long targetId;

    @Column(length = 2000)
    public String detail;

    /** The X-Request-Id of the request that wrote the entry (its log lines carry it); null for jobs. */
    @Column(name = "request_id", length = 64)
    public String requestId;

    /** communityId null: an action of the forum as a whole (the pro tempore presidency). */
    public static AuditLog record(long actorId, Long communityId, String action, String targetType, long targetId,
            String detail) {
        AuditLog entry = new AuditLog();
        entry.at = OffsetDateTime.now();
        entry.actorId = actorId;
        entry.communityId = communityId;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        entry.requestId = RequestIds.current();
        entry.persist();
        return entry;
    }

    public static List<AuditLog> about(String targetType, long targetId) {
        return list("targetType = ?1 and targetId = ?2 order by at, id", targetType, targetId);
    }
}
