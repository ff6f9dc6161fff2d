package org.comunidad.community;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.content.PageCounts;
import org.comunidad.platform.content.WhatsNew.Counts;
import org.comunidad.platform.security.CurrentUser;

/**
 * The community navigation's features ({@code inject:nav}): the tabs the features contribute
 * ({@link CommunityTab}) with their "what's new" badges, counted once per request, in one
 * statement, for the community being shown.
 */
@Named("nav")
@RequestScoped
public class CommunityNav {

    @Inject
    CurrentUser currentUser;

    @Inject
    PageCounts pageCounts;

    @Inject
    Instance<CommunityTab> features;

    /** A tab as the navigation shows it: its address, label and new items (0 for none). */
    public record Tab(String key, String href, String label, int count) {
    }

    private Counts counts = Counts.NONE;

    /** The features' tabs this community has, in their order. */
    public List<Tab> tabs(Community community) {
        String language = currentUser.language();
        return features.stream().map(CommunityTab::tab).filter(tab -> tab.shownIn().test(community))
                .sorted(Comparator.comparingInt(CommunityTab.Tab::position))
                .map(tab -> new Tab(tab.key(), CommunityLinks.link(community, tab.key()), tab.label().in(language),
                        tab.newItems() == null ? 0 : count(community, tab.newItems())))
                .toList();
    }

    /**
     * The tabs of a community with new items, as "my communities" shows them beside it, from
     * counts read for every community of that page at once.
     */
    public List<Tab> newIn(Community community, Counts counted) {
        String language = currentUser.language();
        return features.stream().map(CommunityTab::tab)
                .filter(tab -> tab.onMyCommunities() && tab.newItems() != null && tab.shownIn().test(community))
                .sorted(Comparator.comparingInt(CommunityTab.Tab::position))
                .map(tab -> new Tab(tab.key(), CommunityLinks.link(community, tab.key()), tab.label().in(language),
                        counted.of(community.id, tab.newItems())))
                .filter(tab -> tab.count() > 0)
                .toList();
    }

    public int count(Community community, String tab) {
        if (!currentUser.isSignedIn()) {
            return 0;
        }
        counts = pageCounts.community(currentUser.require().id(), community.id);
        return counts.of(community.id, tab);
    }

    /** Whether the viewer coordinates this community's working group (the log tab). */
    public boolean coordinates(Community community) {
        return currentUser.isSignedIn()
                && CommunityAccess.coordinates(currentUser.viewer(), community.groupId());
    }

    /** Whether the viewer decides the community's requests to join (coordinator; a subgroup's leader). */
    public boolean decides(Community community) {
        return currentUser.isSignedIn() && CommunityAccess.moderates(currentUser.viewer(), community);
    }

    public String label(int count) {
        return counts.label(count);
    }
}
