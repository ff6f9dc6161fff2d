package org.comunidad.community;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.BaseEntity;
import org.comunidad.platform.persistence.Localized;

/** A gated community: a working group of a forum, or one of its subgroups. */
@Entity
@Table(name = "community")
public class Community extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forum_id")
    public Forum forum;

    /** The working group of a subgroup; null for a working group. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Community parent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CommunityKind kind;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "es", column = @Column(name = "name_es")),
            @AttributeOverride(name = "pt", column = @Column(name = "name_pt")),
            @AttributeOverride(name = "en", column = @Column(name = "name_en")) })
    public Localized name;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "es", column = @Column(name = "description_es")),
            @AttributeOverride(name = "pt", column = @Column(name = "description_pt")),
            @AttributeOverride(name = "en", column = @Column(name = "description_en")) })
    public Localized description;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public SubgroupCategory category;

    /** The subgroup's leader country. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "leader_country")
    public Country leaderCountry;

    /** Participating countries of a group; member countries of a subgroup (leader not repeated). */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "community_country",
            joinColumns = @JoinColumn(name = "community_id"),
            inverseJoinColumns = @JoinColumn(name = "country_code"))
    @OrderBy("code")
    public Set<Country> countries = new LinkedHashSet<>();

    public int position;

    public boolean isGroup() {
        return kind == CommunityKind.GROUP;
    }

    /** The id of the working group this community belongs to (itself for a group). */
    public long groupId() {
        return isGroup() ? id : parent.id;
    }

    public static Optional<Community> bySlug(String slug) {
        return find("select c from Community c left join fetch c.parent where c.slug = ?1", slug)
                .firstResultOptional();
    }

    /** Every working group with its participating countries. */
    public static List<Community> allGroups() {
        return find("select distinct c from Community c left join fetch c.countries where c.kind = ?1 order by c.position, c.id",
                CommunityKind.GROUP).list();
    }

    public static List<Community> groupsIn(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("""
                select distinct c from Community c left join fetch c.countries
                where c.kind = ?1 and c.id in ?2 order by c.position, c.id
                """, CommunityKind.GROUP, ids).list();
    }

    /** Subgroups of the given groups with their leader and member countries, in one query. */
    public static List<Community> subgroupsOf(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return find("""
                select distinct s from Community s
                left join fetch s.leaderCountry
                left join fetch s.countries
                where s.parent.id in ?1
                order by s.position, s.id
                """, groupIds).list();
    }

    /** The community with its countries loaded. */
    public static Optional<Community> withCountries(long id) {
        return find("""
                select distinct c from Community c
                left join fetch c.parent left join fetch c.countries left join fetch c.leaderCountry
                where c.id = ?1
                """, id).singleResultOptional();
    }
}
