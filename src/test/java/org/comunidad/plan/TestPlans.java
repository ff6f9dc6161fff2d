package org.comunidad.plan;

import java.math.BigDecimal;

import org.comunidad.testsupport.Db;

/**
 * Builds plans, annual plans, items and tasks for tests, as the pages store them.
 * <pre>
 * long plan = TestPlans.plan("seguridad").save();                       // PROSUR levels, 2020-2024, draft
 * long year = TestPlans.year(plan, "seguridad-asistencia-victimas", 2021);
 * long goal = TestPlans.item(plan, "seguridad").titled("Objetivo general").save();
 * long spec = TestPlans.item(plan, "seguridad-asistencia-victimas").under(goal).save();   // depth = parent + 1
 * long act  = TestPlans.item(plan, "seguridad-asistencia-victimas").under(spec).depth(5).in(year)
 *         .period("Primer bimestre 2021").status("IN_PROGRESS").progress(40).save();
 * long task = TestPlans.task("seguridad-asistencia-victimas").assignee("pf.peru").due("2021-03-15").save();
 * </pre>
 */
public final class TestPlans {

    private TestPlans() {
    }

    public static PlanBuilder plan(String groupSlug) {
        return new PlanBuilder(groupSlug);
    }

    /** An annual work plan of the community (subgroup or group) for the year; returns its id. */
    public static long year(long planId, String communitySlug, int year) {
        return Db.number("insert into plan_year (plan_id, community_id, year, created_by) values (?1, ?2, ?3, ?4) returning id",
                planId, Db.community(communitySlug), year, Db.member("coord.seguridad"));
    }

    public static ItemBuilder item(long planId, String communitySlug) {
        return new ItemBuilder(planId, communitySlug);
    }

    public static TaskBuilder task(String communitySlug) {
        return new TaskBuilder(communitySlug);
    }

    public static final class PlanBuilder {
        private final String group;
        private String scheme = "prosur";
        private String title = "Plan sectorial de prueba";
        private int start = 2020;
        private int end = 2024;
        private String status = "DRAFT";
        private String by = "coord.seguridad";

        PlanBuilder(String group) {
            this.group = group;
        }

        public PlanBuilder scheme(String code) {
            this.scheme = code;
            return this;
        }

        public PlanBuilder titled(String title) {
            this.title = title;
            return this;
        }

        public PlanBuilder years(int start, int end) {
            this.start = start;
            this.end = end;
            return this;
        }

        public PlanBuilder validated() {
            this.status = "VALIDATED";
            return this;
        }

        public PlanBuilder by(String username) {
            this.by = username;
            return this;
        }

        public long save() {
            long member = Db.member(by);
            return Db.number("""
                    insert into plan (community_id, scheme_id, title, start_year, end_year, status, validated_by, validated_at, created_by)
                    values (?1, (select id from plan_scheme where code = ?2), ?3, ?4, ?5, ?6,
                            case when ?6 = 'VALIDATED' then ?7 end, case when ?6 = 'VALIDATED' then now() end, ?7)
                    returning id""", Db.community(group), scheme, title, start, end, status, member);
        }
    }

    public static final class ItemBuilder {
        private final long plan;
        private final String community;
        private Long parent;
        private Integer depth;
        private int position = -1;
        private Long year;
        private String title = "Elemento de prueba";
        private String period;
        private String status = "PLANNED";
        private int progress;
        private BigDecimal weight = BigDecimal.ONE;
        private BigDecimal budget;
        private String currency;
        private String funding;
        private String country;
        private String responsible;

        ItemBuilder(long plan, String community) {
            this.plan = plan;
            this.community = community;
        }

        /** Under this item; the depth is the parent's plus one unless {@link #depth} says otherwise. */
        public ItemBuilder under(long parentId) {
            this.parent = parentId;
            return this;
        }

        public ItemBuilder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public ItemBuilder position(int position) {
            this.position = position;
            return this;
        }

        public ItemBuilder in(long yearId) {
            this.year = yearId;
            return this;
        }

        public ItemBuilder titled(String title) {
            this.title = title;
            return this;
        }

        /** The period as written; read with {@link Periods} as the forms do. */
        public ItemBuilder period(String written) {
            this.period = written;
            return this;
        }

        public ItemBuilder status(String status) {
            this.status = status;
            return this;
        }

        public ItemBuilder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public ItemBuilder weight(String weight) {
            this.weight = new BigDecimal(weight);
            return this;
        }

        public ItemBuilder budget(String amount, String currency) {
            this.budget = new BigDecimal(amount);
            this.currency = currency;
            return this;
        }

        public ItemBuilder funding(String source) {
            this.funding = source;
            return this;
        }

        public ItemBuilder responsible(String countryCode, String username) {
            this.country = countryCode;
            this.responsible = username;
            return this;
        }

        public long save() {
            int d = depth != null ? depth
                    : parent == null ? 1 : (int) Db.number("select depth + 1 from plan_item where id = ?1", parent);
            int pos = position >= 0 ? position
                    : (int) Db.number("select count(*) from plan_item where plan_id = ?1 and parent_id is not distinct from ?2",
                            plan, parent);
            Period p = null;
            if (period != null) {
                p = Periods.read(period).period();
                if (p == null) {
                    throw new IllegalArgumentException("not a period: " + period);
                }
            }
            return Db.number("""
                    insert into plan_item (plan_id, parent_id, depth, position, community_id, plan_year_id, title,
                                           period_text, period_kind, period_start, period_end, budget_amount, budget_currency,
                                           funding_source, responsible_country, responsible_id, status, progress, weight, created_by)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
                    returning id""", plan, parent, d, pos, Db.community(community), year, title,
                    p == null ? null : p.written(), p == null ? null : p.kind().name(), p == null ? null : p.start(),
                    p == null ? null : p.end(), budget, currency, funding, country,
                    responsible == null ? null : Db.member(responsible), status, progress, weight,
                    Db.member("coord.seguridad"));
        }
    }

    public static final class TaskBuilder {
        private final String community;
        private String title = "Tarea de prueba";
        private String assignee;
        private String due;
        private String status = "OPEN";
        private Long item;
        private String by = "lider.victimas";

        TaskBuilder(String community) {
            this.community = community;
        }

        public TaskBuilder titled(String title) {
            this.title = title;
            return this;
        }

        public TaskBuilder assignee(String username) {
            this.assignee = username;
            return this;
        }

        /** A date (2021-03-15) or a period as written. */
        public TaskBuilder due(String written) {
            this.due = written;
            return this;
        }

        public TaskBuilder status(String status) {
            this.status = status;
            return this;
        }

        public TaskBuilder item(long itemId) {
            this.item = itemId;
            return this;
        }

        public TaskBuilder by(String username) {
            this.by = username;
            return this;
        }

        public long save() {
            Period p = due == null ? null : Periods.read(due).period();
            if (due != null && p == null) {
                throw new IllegalArgumentException("not a period: " + due);
            }
            return Db.number("""
                    insert into task (community_id, title, assignee_id, period_text, period_kind, period_start, period_end,
                                      status, item_id, created_by)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) returning id""",
                    Db.community(community), title, assignee == null ? null : Db.member(assignee),
                    p == null ? null : p.written(), p == null ? null : p.kind().name(), p == null ? null : p.start(),
                    p == null ? null : p.end(), status, item, Db.member(by));
        }
    }
}
