package org.comunidad.member;

import org.comunidad.community.Country;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Community;
import org.comunidad.platform.persistence.BaseEntity;
import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;

/** One community-scoped role of a member (see {@link CommunityRole}). */
@Entity
@Table(name = "membership")
public class Membership extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    public Member member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public CommunityRole role;

    /** The country the member represents in this role. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code")
    public Country country;

    public static List<Grant> grantsOf(long memberId) {
        return getEntityManager().createQuery("""
                select new org.comunidad.platform.security.Grant(c.id, coalesce(c.parent.id, c.id), ms.role)
                from Membership ms join ms.community c
                where ms.member.id = :member
                """, Grant.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    /**
     * Every role held in a group or in any of its subgroups, with the member and their
     * country: the group's member list, in one query.
     */
    public static List<Membership> inGroupTree(long groupId) {
        return find("""
                select ms from Membership ms
                join fetch ms.member m
                left join fetch m.country
                left join fetch ms.country
                join fetch ms.community c
                where c.id = ?1 or c.parent.id = ?1
                order by m.displayName, ms.id
                """, groupId).list();
    }

    /** The roles held in one community, with members and their countries. */
    public static List<Membership> inCommunity(long communityId) {
        return find("""
                select ms from Membership ms
                join fetch ms.member m
                left join fetch m.country
                left join fetch ms.country
                where ms.community.id = ?1
                order by m.displayName, ms.id
                """, communityId).list();
    }
}
