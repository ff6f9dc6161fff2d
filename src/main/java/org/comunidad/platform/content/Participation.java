package org.comunidad.platform.content;

import java.util.List;

/**
 * What a feature counts in the activity pages: what was created in a community over a
 * period (the group's activity page) and what one member contributed to a group (their
 * standing). {@link ParticipationCounts} joins every feature's counts into one statement per
 * page; a feature is counted by implementing this in its own package (a CDI bean).
 */
public interface Participation {

    /**
     * One count: its key and place on the page, a scalar SQL subquery and its label. Period
     * counts may use {@code :scope} (the community or group shown), {@code :group} (its
     * group), {@code :since} and {@code {scope}}, which stands for "in the communities
     * shown" (e.g. {@code p.community_id {scope}}). A member's counts may use {@code :g} (the
     * group), {@code :m} (the member) and the table {@code tree} (the group and its subgroups).
     */
    record Count(String key, int position, String sql, Label label) {
    }

    /** What was created in the period; subgroup: whether the scope is a subgroup (not its group). */
    List<Count> created(boolean subgroup);

    /** What a member contributed to a group and its subgroups. */
    List<Count> contributed();
}
