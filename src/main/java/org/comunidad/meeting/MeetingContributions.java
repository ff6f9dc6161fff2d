package org.comunidad.meeting;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.NewItems;
import org.comunidad.platform.content.Participation;
import org.comunidad.platform.content.Searchable;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What meetings bring to the pages that gather every feature: the communities' tab and its new
 * items (meetings others scheduled), the search's section (meetings by title, description and
 * minutes, and their agreements: a hit on an agreement links to its meeting), and the activity
 * counts (meetings held in a period; meetings a member attended).
 */
@ApplicationScoped
public class MeetingContributions implements NewItems, CommunityTab, Searchable, Participation {

    /** The "what's new" tab of meetings (tab_visit.tab). */
    public static final String TAB = "MEETINGS";

    /**
     * Meetings and agreements as one searchable table: the agreement's row carries its meeting's id,
     * so the link goes to the meeting; neither is ever deleted or hidden (a cancelled meeting is still
     * found: its record says so).
     */
    static final String SEARCHED = """
            (select mt.id, mt.community_id, mt.title, coalesce(mt.description, '') || ' ' || coalesce(left(mt.minutes, 2000), '') as text,
                    mt.starts_at as at, mt.search, cast(null as timestamptz) as deleted_at, cast(null as timestamptz) as hidden_at
             from meeting mt
             union all
             select ag.meeting_id, mt.community_id, mt.title, ag.number || '. ' || ag.text, mt.starts_at, ag.search,
                    cast(null as timestamptz), cast(null as timestamptz)
             from meeting_agreement ag join meeting mt on mt.id = ag.meeting_id) mx""";

    private static MeetingMessages messages(String language) {
        return MessageBundles.get(MeetingMessages.class, Localized.Literal.of(language));
    }

    @Override
    public NewItems.Fragment newItems() {
        return new NewItems.Fragment(TAB, "meeting mt where mt.community_id = c.id and mt.organizer_id <> :me",
                "mt.created_at");
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(50, "meetings", TAB, community -> true, language -> messages(language).nav(), true);
    }

    @Override
    public Searchable.Fragment searchable() {
        return new Searchable.Fragment("meetings", 50, SEARCHED, "mx", "mx.title", "mx.text", "mx.at",
                "coalesce(c.parent_id, c.id)", language -> messages(language).search_title(),
                language -> messages(language).search_none());
    }

    @Override
    public List<Count> created(boolean subgroup) {
        return List.of(new Count("meetings", 80, """
                select count(*) from meeting mt where mt.community_id {scope} and mt.status <> 'CANCELLED'
                    and mt.starts_at >= :since and mt.starts_at < now()""", language -> messages(language).activity_period()));
    }

    @Override
    public List<Count> contributed() {
        return List.of(new Count("meetings_attended", 80, """
                select count(*) from meeting_invitee i join meeting mt on mt.id = i.meeting_id
                    where i.member_id = :m and mt.community_id in (select id from tree) and i.attendance = 'PRESENT'""",
                language -> messages(language).activity_member()));
    }
}
