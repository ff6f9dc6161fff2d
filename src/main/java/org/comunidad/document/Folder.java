package org.comunidad.document;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.BaseEntity;

/** A folder of a working group's or a subgroup's documents; folders nest. */
@Entity
@Table(name = "doc_folder")
public class Folder extends BaseEntity {

    public static final int NAME_MAX = 120;

    @Column(name = "group_id", nullable = false)
    public long groupId;

    /** The working group or subgroup whose folder this is. */
    @Column(name = "community_id", nullable = false)
    public long communityId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(name = "created_by", nullable = false)
    public long createdBy;

    public static List<Folder> childrenOf(long communityId, Long parentId) {
        return parentId == null
                ? list("communityId = ?1 and parentId is null order by lower(name)", communityId)
                : list("communityId = ?1 and parentId = ?2 order by lower(name)", communityId, parentId);
    }

    public static List<Folder> ofGroup(long groupId) {
        return list("groupId = ?1 order by communityId, lower(name)", groupId);
    }
}
