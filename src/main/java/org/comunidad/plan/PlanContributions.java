package org.comunidad.plan;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.Searchable;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What plans bring to the pages that gather every feature: the communities' tab "plans" (in
 * groups and subgroups: a subgroup's address shows its group's plans with its own branch), and
 * the search's section (the plans' items by title and description; a hit links to its plan's page,
 * reached through the item's community).
 */
@ApplicationScoped
public class PlanContributions implements CommunityTab, Searchable {

    /**
     * The items as the search reads them: the row's id is the plan's, so the search's link
     * (/c/{slug}/plans/{id}) opens the plan; items are never hidden, deleted ones are gone.
     */
    static final String SEARCHED = """
            (select pi.plan_id as id, pi.community_id, pi.title, coalesce(pi.description, '') as text,
                    pi.updated_at as at, pi.search, cast(null as timestamptz) as deleted_at,
                    cast(null as timestamptz) as hidden_at
             from plan_item pi) px""";

    private static PlanMessages messages(String language) {
        return MessageBundles.get(PlanMessages.class, Localized.Literal.of(language));
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(60, "plans", null, community -> true, language -> messages(language).nav());
    }

    @Override
    public Searchable.Fragment searchable() {
        return new Searchable.Fragment("plans", 60, SEARCHED, "px", "px.title", "px.text", "px.at",
                "coalesce(c.parent_id, c.id)",
                language -> messages(language).search_title(), language -> messages(language).search_none());
    }
}
