package org.comunidad.plan;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What tasks bring to the pages that gather every feature: the communities' "tasks" tab (no what's-new badge). */
@ApplicationScoped
public class TaskContributions implements CommunityTab {

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(65, "tasks", null, community -> true,
                language -> MessageBundles.get(TaskMessages.class, Localized.Literal.of(language)).nav());
    }
}
