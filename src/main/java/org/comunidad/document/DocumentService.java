package org.comunidad.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.comunidad.community.Community;
import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.Texts;
import org.comunidad.platform.content.Violation;
import org.comunidad.platform.security.Viewer;

/**
 * The document repository's rules: folders, metadata, translations, the trash. Uploads
 * and downloads are in {@link DocumentUploads}; search in {@link DocumentSearch}.
 */
@ApplicationScoped
public class DocumentService {

    /** Metadata as typed in a form. */
    public record Metadata(String title, String description, String type, String country, String language,
            String tags, String date) {
    }

    /** Validated metadata. */
    record Checked(String title, String description, DocumentType type, Country country, String language,
            String tags, LocalDate date) {
    }

    /** A folder's page: where it is, what it holds, and what the viewer may do there. */
    public record Listing(Community community, Folder folder, List<Folder> path, List<Folder> folders,
            List<Document> documents, int page, boolean hasNext, boolean mayUpload, boolean mayManage) {
    }

    /** Documents a folder's page lists at once (by title); the next ones are on the following pages. */
    public static final int PAGE_SIZE = 50;

    /** A working group's storage: used and allowed, in bytes. */
    public record Quota(long used, long limit) {
        public int percent() {
            return limit <= 0 ? 100 : (int) Math.min(100, used * 100 / limit);
        }

        public boolean allows(long more) {
            return used + more <= limit;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    org.comunidad.platform.storage.GroupStorage storage;

    @Inject
    DocumentConfig config;

    // ---- Reading

    /**
     * The folder (or the community's top level when folderId is null) as the viewer sees it:
     * its documents by title, {@link #PAGE_SIZE} to a page (page 1 the first), read along the index
     * {@code document_folder_title_ix} so that a page reads its own rows and those before it only.
     */
    @Transactional
    public Optional<Listing> listing(Viewer viewer, Community community, Long folderId, int page) {
        Folder folder = null;
        if (folderId != null) {
            folder = Folder.findById(folderId);
            if (folder == null || folder.communityId != community.id) {
                return Optional.empty();
            }
        }
        List<Folder> path = folder == null ? List.of() : pathOf(folder);
        List<Folder> folders = Folder.childrenOf(community.id, folderId);
        int at = Math.max(1, Math.min(page, 1_000_000)); // the offset stays an int
        var query = em.createQuery("""
                select d from Document d left join fetch d.currentVersion left join fetch d.country
                where d.communityId = :community and d.deletedAt is null and\s"""
                + (folderId == null ? "d.folderId is null" : "d.folderId = :folder")
                + " order by lower(d.title), d.id", Document.class)
                .setParameter("community", community.id);
        if (folderId != null) {
            query.setParameter("folder", folderId);
        }
        List<Document> documents = query.setFirstResult((at - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1)
                .getResultList();
        boolean hasNext = documents.size() > PAGE_SIZE;
        return Optional.of(new Listing(community, folder, path, folders,
                hasNext ? documents.subList(0, PAGE_SIZE) : documents, at, hasNext,
                DocumentAccess.uploadsIn(viewer, community), DocumentAccess.managesFolders(viewer, community)));
    }

    /** The folders from the top down to this one (at most a few levels: one statement each). */
    List<Folder> pathOf(Folder folder) {
        List<Folder> path = new ArrayList<>();
        Folder at = folder;
        Set<Long> seen = new LinkedHashSet<>();
        while (at != null && seen.add(at.id)) {
            path.add(0, at);
            at = at.parentId == null ? null : Folder.findById(at.parentId);
        }
        return path;
    }

    /** These documents, if they are in this folder of the community and not in the trash, by title (one statement). */
    @Transactional
    public List<Document> inFolder(Viewer viewer, Community community, Long folderId, List<Long> ids) {
        if (ids.isEmpty() || !DocumentAccess.reads(viewer, community.groupId())) {
            return List.of();
        }
        var query = em.createQuery("""
                select d from Document d left join fetch d.currentVersion left join fetch d.country
                where d.communityId = :community and d.deletedAt is null and d.id in :ids and\s"""
                + (folderId == null ? "d.folderId is null" : "d.folderId = :folder")
                + " order by lower(d.title), d.id", Document.class)
                .setParameter("community", community.id).setParameter("ids", ids);
        if (folderId != null) {
            query.setParameter("folder", folderId);
        }
        return query.getResultList();
    }

    /**
     * A document of this community (working group or subgroup) that is not in the trash, if
     * the viewer may read it: a document is only ever reached through the community that holds it.
     */
    @Transactional
    public Optional<Document> find(Viewer viewer, Community community, long id) {
        return inGroup(viewer, community.groupId(), id).filter(d -> d.communityId == community.id);
    }

    /** A document of the working group (any of its communities) that is not in the trash. */
    private Optional<Document> inGroup(Viewer viewer, long groupId, long id) {
        if (!DocumentAccess.reads(viewer, groupId)) {
            return Optional.empty();
        }
        return em.createQuery("""
                select d from Document d join fetch d.uploader u left join fetch u.country
                left join fetch d.currentVersion left join fetch d.country
                where d.id = :id and d.groupId = :group and d.deletedAt is null""", Document.class)
                .setParameter("id", id).setParameter("group", groupId)
                .getResultStream().findFirst();
    }

    /** The other language versions of a document. */
    @Transactional
    public List<Document> translationsOf(Document document) {
        if (document.translationSet == null) {
            return List.of();
        }
        return em.createQuery("""
                select d from Document d where d.translationSet = :set and d.id <> :id and d.deletedAt is null
                order by d.language""", Document.class)
                .setParameter("set", document.translationSet).setParameter("id", document.id).getResultList();
    }

    /** Documents of the group that could be linked as translations (other languages, not yet linked). */
    @Transactional
    public List<Document> translationCandidates(Document document) {
        return em.createQuery("""
                select d from Document d where d.groupId = :group and d.id <> :id and d.deletedAt is null
                and d.language <> :language and (d.translationSet is null or d.translationSet <> :set)
                order by lower(d.title)""", Document.class)
                .setParameter("group", document.groupId).setParameter("id", document.id)
                .setParameter("language", document.language)
                .setParameter("set", document.translationSet == null ? -1L : document.translationSet)
                .setMaxResults(500).getResultList();
    }

    @Transactional
    public Quota quota(long groupId) {
        // Every feature's files count (documents, meetings' recordings): DocumentStorage and the others.
        org.comunidad.platform.storage.GroupStorage.Usage usage = storage.usage(groupId);
        return new Quota(usage.used(), usage.quota() == null ? config.defaultQuotaBytes() : usage.quota());
    }

    /**
     * The group's storage as an upload about to be committed must see it: the group's row
     * stays locked until the caller's transaction ends, so that the uploads of one group
     * commit one at a time and each counts the bytes that the ones before it stored. The
     * lock (FOR NO KEY UPDATE) does not hold back rows that merely reference the group.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Quota lockedQuota(long groupId) {
        em.createNativeQuery("select id from community where id = ?1 for no key update").setParameter(1, groupId)
                .getResultList();
        return quota(groupId);
    }

    /** Documents of the group in the trash that the viewer may restore, most recently deleted first. */
    @Transactional
    public List<Document> trash(Viewer viewer, Community group) {
        OffsetDateTime since = OffsetDateTime.now().minusDays(config.trashDays());
        boolean coordinator = org.comunidad.community.CommunityAccess.coordinates(viewer, group.id);
        return em.createQuery("""
                select d from Document d join fetch d.uploader left join fetch d.deletedBy left join fetch d.currentVersion
                where d.groupId = :group and d.deletedAt is not null and d.deletedAt > :since
                and (:all = true or d.uploader.id = :me)
                order by d.deletedAt desc""", Document.class)
                .setParameter("group", group.id).setParameter("since", since)
                .setParameter("all", coordinator).setParameter("me", viewer.memberId())
                .getResultList();
    }

    public OffsetDateTime purgeDate(Document document) {
        return document.deletedAt == null ? null : document.deletedAt.plusDays(config.trashDays());
    }

    // ---- Folders

    /** A new folder at the community's top level or in one of its folders; empty when that folder is not the community's. */
    @Transactional
    public Optional<Folder> createFolder(Viewer viewer, Community community, Long parentId, String name) {
        requireFolderManager(viewer, community);
        String clean = checkFolderName(name);
        if (parentId != null && folderOf(community, parentId).isEmpty()) {
            return Optional.empty();
        }
        requireUniqueName(community.id, parentId, clean, null);
        Folder folder = new Folder();
        folder.groupId = community.groupId();
        folder.communityId = community.id;
        folder.parentId = parentId;
        folder.name = clean;
        folder.createdBy = viewer.memberId();
        folder.persist();
        AuditLog.record(viewer.memberId(), community.groupId(), "FOLDER_CREATE", "doc_folder", folder.id, clean);
        return Optional.of(folder);
    }

    /** Renames a folder of the community; empty when it is not the community's. */
    @Transactional
    public Optional<Folder> renameFolder(Viewer viewer, Community community, long folderId, String name) {
        requireFolderManager(viewer, community);
        Optional<Folder> found = folderOf(community, folderId);
        if (found.isEmpty()) {
            return found;
        }
        Folder folder = found.get();
        String clean = checkFolderName(name);
        requireUniqueName(community.id, folder.parentId, clean, folder.id);
        AuditLog.record(viewer.memberId(), community.groupId(), "FOLDER_RENAME", "doc_folder", folder.id,
                folder.name + " -> " + clean);
        folder.name = clean;
        return found;
    }

    /**
     * Deletes an empty folder (documents in the trash do not count: they go to the top level);
     * empty when it is not the community's.
     */
    @Transactional
    public Optional<Folder> deleteFolder(Viewer viewer, Community community, long folderId) {
        requireFolderManager(viewer, community);
        Optional<Folder> found = folderOf(community, folderId);
        if (found.isEmpty()) {
            return found;
        }
        Folder folder = found.get();
        long children = Folder.count("parentId", folder.id);
        long documents = Document.count("folderId = ?1 and deletedAt is null", folder.id);
        if (children > 0 || documents > 0) {
            throw new Refused(DocumentRefusal.FOLDER_NOT_EMPTY);
        }
        em.createQuery("update Document d set d.folderId = null where d.folderId = :f")
                .setParameter("f", folder.id).executeUpdate();
        AuditLog.record(viewer.memberId(), community.groupId(), "FOLDER_DELETE", "doc_folder", folder.id, folder.name);
        folder.delete();
        return found;
    }

    /** A folder of this community. */
    Optional<Folder> folderOf(Community community, long folderId) {
        return Folder.<Folder> findByIdOptional(folderId).filter(f -> f.communityId == community.id);
    }

    private static void requireFolderManager(Viewer viewer, Community community) {
        if (!DocumentAccess.managesFolders(viewer, community)) {
            throw new Refused(DocumentRefusal.NOT_FOLDER_MANAGER);
        }
    }

    private static String checkFolderName(String name) {
        String clean = Texts.clean(name);
        List<Violation> violations = new ArrayList<>();
        Texts.required(violations, "name", clean, Folder.NAME_MAX);
        if (clean != null && (clean.contains("/") || clean.contains("\\"))) {
            violations.add(new Violation("name", DocumentViolation.INVALID_NAME, 0));
        }
        Texts.check(violations);
        return clean;
    }

    private void requireUniqueName(long communityId, Long parentId, String name, Long except) {
        long same = ((Number) em.createNativeQuery("""
                select count(*) from doc_folder where community_id = ?1 and coalesce(parent_id, 0) = ?2
                and lower(name) = lower(?3) and id <> ?4""")
                .setParameter(1, communityId).setParameter(2, parentId == null ? 0L : parentId)
                .setParameter(3, name).setParameter(4, except == null ? -1L : except).getSingleResult()).longValue();
        if (same > 0) {
            Texts.check(List.of(new Violation("name", DocumentViolation.DUPLICATE, 0)));
        }
    }

    // ---- Metadata

    /** Checks metadata; the title may default to the file's name. */
    Checked check(Metadata input, String defaultTitle) {
        List<Violation> violations = new ArrayList<>();
        String title = Texts.clean(input.title());
        if (title == null) {
            title = defaultTitle;
        }
        Texts.required(violations, "title", title, Document.TITLE_MAX);
        String description = Texts.clean(input.description());
        Texts.optional(violations, "description", description, Document.DESCRIPTION_MAX);
        DocumentType type = DocumentType.parse(input.type());
        if (type == null) {
            violations.add(Violation.required("type"));
        }
        String language = Texts.clean(input.language());
        if (language == null || !Document.LANGUAGES.contains(language)) {
            violations.add(Violation.required("language"));
        }
        Country country = null;
        String code = Texts.clean(input.country());
        if (code != null) {
            country = Country.findById(code);
            if (country == null) {
                violations.add(new Violation("country", Violation.Code.INVALID_CHOICE, 0));
            }
        }
        String tags = normalizeTags(input.tags(), violations);
        LocalDate date = null;
        String typedDate = Texts.clean(input.date());
        if (typedDate != null) {
            try {
                date = LocalDate.parse(typedDate);
                if (date.getYear() < 1900 || date.isAfter(LocalDate.now().plusYears(5))) {
                    violations.add(new Violation("date", Violation.Code.INVALID_DATE, 0));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("date", Violation.Code.INVALID_DATE, 0));
            }
        }
        Texts.check(violations);
        return new Checked(title, description, type, country, language, tags, date);
    }

    private static String normalizeTags(String typed, List<Violation> violations) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : typed.split(",")) {
            String clean = tag.strip().replaceAll("\\s+", " ");
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.codePointCount(0, clean.length()) > Document.TAG_MAX) {
                violations.add(Violation.tooLong("tags", Document.TAG_MAX));
                return "";
            }
            if (tags.stream().noneMatch(t -> t.equalsIgnoreCase(clean))) {
                tags.add(clean);
            }
        }
        if (tags.size() > Document.TAG_COUNT_MAX) {
            violations.add(new Violation("tags", Violation.Code.TOO_MANY, Document.TAG_COUNT_MAX));
            return "";
        }
        String joined = String.join(", ", tags);
        if (joined.length() > Document.TAGS_MAX) {
            violations.add(Violation.tooLong("tags", Document.TAGS_MAX));
        }
        return joined;
    }

    void apply(Document document, Checked checked) {
        document.title = checked.title();
        document.description = checked.description();
        document.type = checked.type();
        document.country = checked.country();
        document.language = checked.language();
        document.tags = checked.tags();
        document.documentDate = checked.date();
    }

    /** Changes a document's metadata and folder (0: the top level); empty when the viewer cannot see it here. */
    @Transactional
    public Optional<Document> edit(Viewer viewer, Community community, long id, Metadata input, Long folderId) {
        Optional<Document> found = find(viewer, community, id);
        if (found.isEmpty()) {
            return found;
        }
        Document document = found.get();
        if (!DocumentAccess.edits(viewer, document)) {
            throw new Refused(DocumentRefusal.NOT_UPLOADER);
        }
        Checked checked = check(input, null);
        if (folderId != null && folderId != 0) {
            Folder folder = Folder.findById(folderId);
            if (folder == null || folder.communityId != document.communityId) {
                Texts.check(List.of(new Violation("folder", Violation.Code.INVALID_CHOICE, 0)));
            }
            document.folderId = folderId;
        } else if (folderId != null) {
            document.folderId = null;
        }
        apply(document, checked);
        document.updatedAt = OffsetDateTime.now();
        em.flush();
        reindex(document.id);
        AuditLog.record(viewer.memberId(), document.groupId, "DOCUMENT_EDIT", "document", document.id,
                document.title);
        return found;
    }

    void reindex(long documentId) {
        em.createNativeQuery("select document_reindex(?1)").setParameter(1, documentId).getSingleResult();
    }

    // ---- Translations

    /**
     * Links two documents as language versions of each other. A link changes both (each
     * lists the other), so the viewer must be allowed to edit both; when the other already
     * belongs to a set of its own, that whole set joins this one, and the viewer must be
     * allowed to edit every document of it.
     */
    @Transactional
    public Optional<Document> linkTranslation(Viewer viewer, Community community, long id, long otherId) {
        Optional<Document> found = find(viewer, community, id);
        if (found.isEmpty()) {
            return found;
        }
        Document document = found.get();
        Document other = inGroup(viewer, document.groupId, otherId).orElse(null);
        if (!DocumentAccess.edits(viewer, document)) {
            throw new Refused(DocumentRefusal.NOT_UPLOADER);
        }
        if (other == null || other.id.equals(document.id)) {
            Texts.check(List.of(new Violation("translation", Violation.Code.INVALID_CHOICE, 0)));
            return found;
        }
        if (!DocumentAccess.edits(viewer, other)) {
            throw new Refused(DocumentRefusal.NOT_UPLOADER);
        }
        if (other.language.equals(document.language)) {
            Texts.check(List.of(new Violation("translation", DocumentViolation.SAME_LANGUAGE, 0)));
        }
        Long set = document.translationSet != null ? document.translationSet
                : other.translationSet != null ? other.translationSet : document.id;
        if (other.translationSet != null && !other.translationSet.equals(set)) {
            boolean editsAll = em.createQuery("""
                    select d from Document d join fetch d.uploader where d.translationSet = :old""", Document.class)
                    .setParameter("old", other.translationSet).getResultStream()
                    .allMatch(d -> DocumentAccess.edits(viewer, d));
            if (!editsAll) {
                throw new Refused(DocumentRefusal.NOT_UPLOADER);
            }
            // Two sets meet: the other's whole set joins this one.
            em.createQuery("update Document d set d.translationSet = :set where d.translationSet = :old")
                    .setParameter("set", set).setParameter("old", other.translationSet).executeUpdate();
        }
        document.translationSet = set;
        other.translationSet = set;
        AuditLog.record(viewer.memberId(), document.groupId, "DOCUMENT_TRANSLATION_LINK", "document", document.id,
                "with document " + other.id);
        return found;
    }

    @Transactional
    public Optional<Document> unlinkTranslation(Viewer viewer, Community community, long id) {
        Optional<Document> found = find(viewer, community, id);
        if (found.isEmpty()) {
            return found;
        }
        Document document = found.get();
        if (!DocumentAccess.edits(viewer, document)) {
            throw new Refused(DocumentRefusal.NOT_UPLOADER);
        }
        if (document.translationSet != null) {
            AuditLog.record(viewer.memberId(), document.groupId, "DOCUMENT_TRANSLATION_UNLINK", "document",
                    document.id, null);
            document.translationSet = null;
        }
        return found;
    }

    // ---- Trash

    /** Sends a document of this community to its group's trash; empty when the viewer cannot see it here. */
    @Transactional
    public Optional<Document> delete(Viewer viewer, Community community, long id) {
        Optional<Document> found = find(viewer, community, id);
        if (found.isEmpty()) {
            return found;
        }
        Document document = found.get();
        if (!DocumentAccess.deletes(viewer, document, community)) {
            throw new Refused(DocumentRefusal.NOT_DOCUMENT_MANAGER);
        }
        document.deletedAt = OffsetDateTime.now();
        document.deletedBy = em.getReference(Member.class, viewer.memberId());
        AuditLog.record(viewer.memberId(), document.groupId, "DOCUMENT_DELETE", "document", document.id,
                document.title);
        return found;
    }

    /** Where a restored document is now: its community's address and its id. */
    public record Restored(String communitySlug, long documentId) {
    }

    /**
     * Takes a document out of the working group's trash; empty when the community is a
     * subgroup (the trash is the group's), or the document is not in this trash for the viewer.
     */
    @Transactional
    public Optional<Restored> restore(Viewer viewer, Community group, long id) {
        if (!group.isGroup() || !DocumentAccess.reads(viewer, group.id)) {
            return Optional.empty();
        }
        Optional<Document> found = em.createQuery("select d from Document d where d.id = :id and d.groupId = :group "
                + "and d.deletedAt is not null", Document.class)
                .setParameter("id", id).setParameter("group", group.id)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Document document = found.get();
        if (!DocumentAccess.restores(viewer, document)) {
            throw new Refused(DocumentRefusal.NOT_UPLOADER);
        }
        if (document.deletedAt.plusDays(config.trashDays()).isBefore(OffsetDateTime.now())) {
            throw new Refused(DocumentRefusal.TRASH_EXPIRED);
        }
        if (document.folderId != null && Folder.findById(document.folderId) == null) {
            document.folderId = null;
        }
        document.deletedAt = null;
        document.deletedBy = null;
        document.updatedAt = OffsetDateTime.now();
        AuditLog.record(viewer.memberId(), group.id, "DOCUMENT_RESTORE", "document", document.id, document.title);
        Community home = Community.findById(document.communityId);
        return Optional.of(new Restored(home.slug, document.id));
    }
}
