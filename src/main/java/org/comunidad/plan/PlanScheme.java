package org.comunidad.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.comunidad.platform.persistence.Localized;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How a forum names the levels of its plans, top down. PROSUR's ("prosur", the default):
 * general objective > specific objective (owned by a subgroup) > action line > product >
 * activity. SELA's ("sela", seed 002): thematic axis > programme > project > activity. A forum
 * whose row names a scheme uses it by default; any scheme can be chosen when a plan is created.
 */
@Entity
@Table(name = "plan_scheme")
public class PlanScheme extends PanacheEntityBase {

    public static final String DEFAULT = "prosur";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 40)
    public String code;

    @Column(name = "forum_id")
    public Long forumId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_level", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderBy("depth")
    public List<Level> levels = new ArrayList<>();

    /** One level of the tree: its depth (1 = top), its name in three languages, whether a subgroup owns its items. */
    @Embeddable
    public static class Level {

        @Column(nullable = false)
        public short depth;

        @Embedded
        @AttributeOverrides({
                @AttributeOverride(name = "es", column = @Column(name = "name_es")),
                @AttributeOverride(name = "pt", column = @Column(name = "name_pt")),
                @AttributeOverride(name = "en", column = @Column(name = "name_en")) })
        public Localized name;

        @Column(name = "subgroup_owned", nullable = false)
        public boolean subgroupOwned;

        public Level() {
        }

        public Level(int depth, Localized name, boolean subgroupOwned) {
            this.depth = (short) depth;
            this.name = name;
            this.subgroupOwned = subgroupOwned;
        }
    }

    /** The level at a depth, if the scheme has it. */
    public Optional<Level> level(int depth) {
        return levels.stream().filter(l -> l.depth == depth).findFirst();
    }

    /** The deepest level: the activities, which carry the schedule. */
    public int leafDepth() {
        return levels.stream().mapToInt(l -> l.depth).max().orElse(1);
    }

    /** The depth whose items a subgroup owns, if any (PROSUR: 2, the specific objectives). */
    public Optional<Integer> subgroupDepth() {
        return levels.stream().filter(l -> l.subgroupOwned).map(l -> (int) l.depth).findFirst();
    }

    public static Optional<PlanScheme> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The forum's own scheme, else PROSUR's. */
    public static PlanScheme forForum(long forumId) {
        return PlanScheme.<PlanScheme> find("forumId", forumId).firstResultOptional()
                .or(() -> byCode(DEFAULT)).orElseThrow();
    }

    public static List<PlanScheme> all() {
        return list("order by code");
    }
}
