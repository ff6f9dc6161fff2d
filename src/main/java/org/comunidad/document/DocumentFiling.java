package org.comunidad.document;

import java.io.ByteArrayInputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.community.Community;
import org.comunidad.platform.content.Filing;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A generated file filed into a working group's repository, at the group's top level, through
 * the same path as an upload ({@link DocumentUploads}: who uploads at the group's level, the
 * quota under the group's lock, the audit trail, text extraction). A document of the group with
 * the same title, type and language (not in the trash) gets a new version instead, so that saving
 * a report twice keeps one document with its history.
 */
@ApplicationScoped
public class DocumentFiling implements Filing {

    @Inject
    DocumentUploads uploads;

    @Inject
    EntityManager em;

    @Override
    public Filed file(Viewer viewer, long groupId, String type, String title, String language, String fileName,
            byte[] content) {
        record Found(Community group, Long existing) {
        }
        Found found = QuarkusTransaction.requiringNew().call(() -> {
            Community group = Community.findById(groupId);
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    select id from document where group_id = :group and community_id = :group and title = :title
                      and doc_type = :type and language = :language and deleted_at is null order by id limit 1""")
                    .setParameter("group", groupId).setParameter("title", title).setParameter("type", type)
                    .setParameter("language", language).getResultList();
            return new Found(group, ids.isEmpty() ? null : ids.get(0).longValue());
        });
        if (found.group() == null || !found.group().isGroup()) {
            throw new IllegalArgumentException("not a working group: " + groupId);
        }
        String slug = found.group().slug;
        if (found.existing() != null) {
            var version = uploads.addVersion(viewer, found.group(), found.existing(), null, fileName, content.length,
                    new ByteArrayInputStream(content));
            if (version.isPresent()) {
                return new Filed(found.existing(), version.get().number, Links.community(slug, "documents", found.existing()));
            }
        }
        Document document = uploads.upload(viewer, found.group(), null,
                new DocumentService.Metadata(title, null, type, null, language, null, null), fileName, content.length,
                new ByteArrayInputStream(content)).orElseThrow(() -> new IllegalStateException("no top level"));
        return new Filed(document.id, 1, Links.community(slug, "documents", document.id));
    }
}
