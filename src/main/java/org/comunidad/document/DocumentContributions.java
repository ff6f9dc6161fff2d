package org.comunidad.document;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.content.NewItems;
import org.comunidad.platform.content.Participation;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What documents bring to the pages that gather every feature: every community's tab and its new
 * items, and the counts of the activity pages (documents, versions and downloads). The search
 * page reads documents through DocumentSearch, which has filters of its own.
 */
@ApplicationScoped
public class DocumentContributions implements NewItems, CommunityTab, Participation {

    /** The "what's new" tab of documents (tab_visit.tab). */
    public static final String TAB = "DOCUMENTS";

    private static DocMessages messages(String language) {
        return MessageBundles.get(DocMessages.class, Localized.Literal.of(language));
    }

    @Override
    public NewItems.Fragment newItems() {
        return new NewItems.Fragment(TAB,
                "document doc where doc.community_id = c.id and doc.deleted_at is null and doc.uploader_id <> :me",
                "doc.updated_at");
    }

    @Override
    public CommunityTab.Tab tab() {
        return new CommunityTab.Tab(40, "documents", TAB, community -> true, language -> messages(language).nav());
    }

    @Override
    public List<Count> created(boolean subgroup) {
        return List.of(new Count("documents", 60, """
                select count(*) from document doc where doc.group_id = :group and doc.community_id {scope}
                    and doc.deleted_at is null and doc.created_at >= :since""",
                language -> messages(language).activity_period()),
                new Count("downloads", 70, """
                select count(*) from audit_log a join document_version v on v.id = a.target_id
                    join document doc on doc.id = v.document_id
                    where a.community_id = :group and a.action = 'DOCUMENT_DOWNLOAD' and a.at >= :since
                    and a.target_type = 'document_version' and doc.community_id {scope}""",
                        language -> messages(language).activity_period_downloads()));
    }

    @Override
    public List<Count> contributed() {
        return List.of(new Count("uploads", 60, """
                select count(*) from document_version v join document d on d.id = v.document_id
                    where v.created_by = :m and d.group_id = :g""", language -> messages(language).activity_member()),
                new Count("downloads", 70, """
                select count(*) from audit_log a where a.actor_id = :m and a.action = 'DOCUMENT_DOWNLOAD'
                    and a.community_id = :g""", language -> messages(language).activity_member_downloads()));
    }
}
