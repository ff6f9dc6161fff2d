package org.comunidad.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.persistence.Localized;
import org.comunidad.platform.security.Viewer;

/**
 * The documents' pages as their templates get them: view records holding what each page
 * shows and what the viewer may do there (prepared flags), read in one transaction. The
 * templates never reach an entity's associations nor recompute a rule of
 * {@link DocumentAccess}.
 */
@ApplicationScoped
public class DocumentPages {

    /** A document as a folder's table lists it. */
    public record Row(long id, String title, String fileName, DocumentType type, Localized country,
            DocumentLanguage lang, LocalDate date, Long sizeBytes) {

        static Row of(Document d) {
            DocumentVersion current = d.currentVersion;
            return new Row(d.id, d.title, current == null ? null : current.fileName, d.type,
                    d.country == null ? null : d.country.name, d.lang(), d.documentDate,
                    current == null ? null : current.sizeBytes);
        }
    }

    /**
     * A folder's page (or the community's top level, folder null): where it is, what it holds,
     * the group's storage, and what the viewer may do there.
     */
    public record FolderPage(Community community, Folder folder, List<Folder> path, List<Folder> folders,
            List<Community> subgroups, List<Row> documents, int page, boolean hasNext, DocumentService.Quota quota,
            List<Country> countries, long maxBytes, boolean mayUpload, boolean mayManage, List<Row> uploaded) {

        /** Whether the page shows the group's storage (a working group's top level; null quota otherwise). */
        public boolean showsQuota() {
            return quota != null;
        }

        public String previousLink() {
            return pageLink(page - 1);
        }

        public String nextLink() {
            return pageLink(page + 1);
        }

        /** The address of another page of this folder's documents. */
        public String pageLink(int number) {
            return org.comunidad.platform.web.Links.community(community.slug, "documents") + "?"
                    + (folder == null ? "" : "folder=" + folder.id + "&") + "page=" + number;
        }
    }

    /** The current file of a document: what the download buttons and the search notice need. */
    public record CurrentFile(long versionId, long sizeBytes, boolean previewable, DocumentVersion.TextStatus textStatus,
            TextFailure textFailure) {

        public boolean textPending() {
            return textStatus == DocumentVersion.TextStatus.PENDING;
        }

        public boolean textNone() {
            return textStatus == DocumentVersion.TextStatus.NONE;
        }

        public boolean textFailed() {
            return textStatus == DocumentVersion.TextStatus.FAILED;
        }
    }

    /**
     * A document's metadata as its page shows it and the edit form fills it in (the names
     * the form tag {@code docFields} reads: title, type, language, countryCode, description,
     * tags, documentDate).
     */
    public record DocumentView(long id, String title, String description, DocumentType type, String language,
            String countryCode, Localized countryName, LocalDate documentDate, String tags, List<String> tagList,
            Long folderId, boolean translated, String uploaderName, Localized uploaderCountry,
            OffsetDateTime createdAt, CurrentFile file) {

        public DocumentLanguage lang() {
            return DocumentLanguage.of(language);
        }

        static DocumentView of(Document d) {
            DocumentVersion v = d.currentVersion;
            return new DocumentView(d.id, d.title, d.description, d.type, d.language,
                    d.country == null ? null : d.country.code, d.country == null ? null : d.country.name,
                    d.documentDate, d.tags, d.tagList(), d.folderId, d.translationSet != null,
                    d.uploader.displayName, d.uploader.country == null ? null : d.uploader.country.name, d.createdAt,
                    v == null ? null : new CurrentFile(v.id, v.sizeBytes, v.isPreviewable(), v.textStatus,
                            v.textFailure));
        }
    }

    /** One version in a document's history. */
    public record VersionView(long id, int number, String fileName, String sha256Prefix, long sizeBytes,
            String createdBy, OffsetDateTime createdAt, String comment, boolean current) {

        static VersionView of(DocumentVersion v, Document document) {
            return new VersionView(v.id, v.number, v.fileName, v.sha256.substring(0, 12), v.sizeBytes,
                    v.createdBy.displayName, v.createdAt, v.comment,
                    document.currentVersion != null && v.id.equals(document.currentVersion.id));
        }
    }

    /** Another document named on a page: a translation, or a candidate to link as one. */
    public record DocumentRef(long id, String title, String language) {

        public DocumentLanguage lang() {
            return DocumentLanguage.of(language);
        }

        static DocumentRef of(Document d) {
            return new DocumentRef(d.id, d.title, d.language);
        }
    }

    /** A document's page: its metadata, versions and translations, and what the viewer may do with it. */
    public record DocumentPage(Community community, DocumentView document, List<VersionView> versions,
            List<DocumentRef> translations, List<DocumentRef> candidates, List<Folder> folders,
            List<Country> countries, boolean mayEdit, boolean mayDelete) {
    }

    /** A document in the trash: who deleted it, when, and until when it can be restored. */
    public record TrashItem(long id, String title, String deletedBy, OffsetDateTime deletedAt,
            OffsetDateTime purgeOn) {
    }

    /** The trash of a working group, as far as the viewer may restore from it. */
    public record TrashPage(Community group, List<TrashItem> documents, int trashDays) {
    }

    @Inject
    DocumentService documents;

    @Inject
    DocumentConfig config;

    @Inject
    WhatsNew whatsNew;

    /**
     * A folder of the community (its top level when folderId is null: opening it is a visit
     * of the documents tab); empty when the folder is not the community's.
     */
    @Transactional
    public Optional<FolderPage> folder(Viewer viewer, Community community, Long folderId, int page) {
        return folder(viewer, community, folderId, page, List.of());
    }

    /**
     * The same, naming the documents the viewer has just uploaded into it (ids from the upload script,
     * at most {@link #UPLOADED_MAX}; only this folder's documents the viewer may read): a folder lists
     * its documents by title a page at a time, so the new ones may be on another page.
     */
    @Transactional
    public Optional<FolderPage> folder(Viewer viewer, Community community, Long folderId, int page, List<Long> uploaded) {
        if (folderId == null) {
            whatsNew.visit(viewer.memberId(), community.id, DocumentContributions.TAB);
        }
        // The group's storage shows at the working group's top level only.
        boolean showsQuota = community.isGroup() && folderId == null;
        return documents.listing(viewer, community, folderId, page).map(listing -> new FolderPage(community,
                listing.folder(), listing.path(), listing.folders(),
                community.isGroup() && folderId == null ? Community.subgroupsOf(List.of(community.id)) : List.of(),
                listing.documents().stream().map(Row::of).toList(), listing.page(), listing.hasNext(),
                showsQuota ? documents.quota(community.groupId()) : null,
                Country.all(), config.maxBytes(), listing.mayUpload(), listing.mayManage(),
                uploaded.isEmpty() ? List.of()
                        : documents.inFolder(viewer, community, folderId, uploaded.stream().limit(UPLOADED_MAX).toList())
                                .stream().map(Row::of).toList()));
    }

    /** How many just-uploaded documents a folder's page names at most. */
    public static final int UPLOADED_MAX = 20;

    /** A document of this community, if the viewer may read it and it is not in the trash. */
    @Transactional
    public Optional<DocumentPage> document(Viewer viewer, Community community, long id) {
        return documents.find(viewer, community, id).map(document -> {
            boolean mayEdit = DocumentAccess.edits(viewer, document);
            return new DocumentPage(community, DocumentView.of(document),
                    DocumentVersion.ofDocument(document.id).stream().map(v -> VersionView.of(v, document)).toList(),
                    documents.translationsOf(document).stream().map(DocumentRef::of).toList(),
                    mayEdit ? documents.translationCandidates(document).stream().map(DocumentRef::of).toList()
                            : List.of(),
                    mayEdit ? Folder.list("communityId = ?1 order by lower(name)", community.id) : List.of(),
                    Country.all(), mayEdit, DocumentAccess.deletes(viewer, document, community));
        });
    }

    /** The working group's trash; empty for a subgroup (its documents are in its group's trash). */
    @Transactional
    public Optional<TrashPage> trash(Viewer viewer, Community group) {
        if (!group.isGroup()) {
            return Optional.empty();
        }
        List<TrashItem> items = documents.trash(viewer, group).stream()
                .map(d -> new TrashItem(d.id, d.title, d.deletedBy.displayName, d.deletedAt, documents.purgeDate(d)))
                .toList();
        return Optional.of(new TrashPage(group, items, config.trashDays()));
    }
}
