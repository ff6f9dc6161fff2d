package org.comunidad.document;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.storage.ObjectKeys;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.storage.StorageException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Files in and out of the object store. Store, then reference: the body streams to the
 * store (type checked on its first bytes, SHA-256 and size computed on the way), and
 * only once the object is complete is the row committed; if that fails the object is
 * removed (or, if even that fails, swept later). Nothing holds a whole file in memory.
 */
@ApplicationScoped
public class DocumentUploads {

    private static final Logger LOG = Logger.getLogger(DocumentUploads.class);
    public static final String KEY_PREFIX = "documents";

    /** A stored object, not yet referenced by any row. */
    record Stored(String key, long size, String sha256, String contentType, String fileName) {
    }

    /** What a download needs: the version and the slice of it asked for. */
    public record Download(Document document, DocumentVersion version) {
    }

    /** Fired after a version's row is committed, so that its text gets extracted. */
    public record VersionStored(long versionId) {
    }

    @Inject
    ObjectStore store;

    @Inject
    DocumentConfig config;

    @Inject
    DocumentService documents;

    @Inject
    EntityManager em;

    @Inject
    Event<VersionStored> stored;

    @Inject
    MeterRegistry registry;

    /**
     * A new document in a community (group or subgroup), in a folder or at its top level;
     * empty (nothing read, nothing stored) when the folder is not the community's.
     */
    public Optional<Document> upload(Viewer viewer, Community community, Long folderId,
            DocumentService.Metadata metadata, String typedFileName, long declaredLength, InputStream body) {
        return counted(() -> uploadDocument(viewer, community, folderId, metadata, typedFileName, declaredLength,
                body), document -> document.currentVersion.sizeBytes);
    }

    private Optional<Document> uploadDocument(Viewer viewer, Community community, Long folderId,
            DocumentService.Metadata metadata, String typedFileName, long declaredLength, InputStream body) {
        requireStore(body);
        String fileName = DocumentFiles.safeFileName(typedFileName);
        // Every check that needs no bytes comes first: a refused upload stores nothing.
        Optional<DocumentService.Quota> room = QuarkusTransaction.requiringNew().call(() -> {
            requireUploader(viewer, community);
            if (folderId != null && documents.folderOf(community, folderId).isEmpty()) {
                return Optional.<DocumentService.Quota> empty();
            }
            documents.check(metadata, DocumentFiles.titleFrom(fileName));
            return Optional.of(requireRoom(community.groupId(), declaredLength));
        });
        if (room.isEmpty()) {
            return Optional.empty();
        }
        Stored object = storeObject(fileName, declaredLength, body, room.get());
        try {
            Document document = QuarkusTransaction.requiringNew().call(() -> {
                requireStoredFits(community.groupId(), object.size());
                requireUploader(viewer, community);
                DocumentService.Checked checked = documents.check(metadata, DocumentFiles.titleFrom(fileName));
                Document doc = new Document();
                doc.groupId = community.groupId();
                doc.communityId = community.id;
                doc.folderId = folderId;
                documents.apply(doc, checked);
                doc.uploader = em.getReference(Member.class, viewer.memberId());
                doc.persist();
                DocumentVersion version = newVersion(viewer, doc, object, null);
                em.flush();
                documents.reindex(doc.id);
                AuditLog.record(viewer.memberId(), doc.groupId, "DOCUMENT_UPLOAD", "document_version", version.id,
                        "document " + doc.id + " v1, " + object.size() + " bytes, sha256 " + object.sha256());
                return doc;
            });
            stored.fireAsync(new VersionStored(document.currentVersion.id));
            return Optional.of(document);
        } catch (RuntimeException e) {
            discard(object.key());
            throw e;
        }
    }

    /**
     * A new version of a document of this community; the history stays. Empty (nothing read,
     * nothing stored) when the viewer cannot see the document here, or it went to the trash
     * while the file was uploading.
     */
    public Optional<DocumentVersion> addVersion(Viewer viewer, Community community, long documentId,
            String comment, String typedFileName, long declaredLength, InputStream body) {
        return counted(() -> uploadVersion(viewer, community, documentId, comment, typedFileName, declaredLength,
                body), version -> version.sizeBytes);
    }

    private Optional<DocumentVersion> uploadVersion(Viewer viewer, Community community, long documentId,
            String comment, String typedFileName, long declaredLength, InputStream body) {
        requireStore(body);
        String fileName = DocumentFiles.safeFileName(typedFileName);
        String cleanComment = org.comunidad.platform.content.Texts.clean(comment);
        long groupId = community.groupId();
        Optional<DocumentService.Quota> room = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Document> found = documents.find(viewer, community, documentId);
            if (found.isEmpty()) {
                return Optional.<DocumentService.Quota> empty();
            }
            Document document = found.get();
            if (!DocumentAccess.edits(viewer, document)) {
                throw new Refused(DocumentRefusal.NOT_UPLOADER);
            }
            java.util.List<org.comunidad.platform.content.Violation> violations = new java.util.ArrayList<>();
            org.comunidad.platform.content.Texts.optional(violations, "comment", cleanComment,
                    DocumentVersion.COMMENT_MAX);
            org.comunidad.platform.content.Texts.check(violations);
            return Optional.of(requireRoom(groupId, declaredLength));
        });
        if (room.isEmpty()) {
            return Optional.empty();
        }
        Stored object = storeObject(fileName, declaredLength, body, room.get());
        try {
            DocumentVersion version = QuarkusTransaction.requiringNew().call(() -> {
                Document document = em.find(Document.class, documentId,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (document == null || document.deletedAt != null || document.groupId != groupId) {
                    return null;
                }
                if (!DocumentAccess.edits(viewer, document)) {
                    throw new Refused(DocumentRefusal.NOT_UPLOADER);
                }
                requireStoredFits(groupId, object.size());
                DocumentVersion v = newVersion(viewer, document, object, cleanComment);
                document.updatedAt = OffsetDateTime.now();
                em.flush();
                documents.reindex(document.id);
                AuditLog.record(viewer.memberId(), groupId, "DOCUMENT_VERSION", "document_version", v.id,
                        "document " + document.id + " v" + v.number + ", " + object.size() + " bytes, sha256 "
                                + object.sha256());
                return v;
            });
            if (version == null) {
                discard(object.key());
                return Optional.empty();
            }
            stored.fireAsync(new VersionStored(version.id));
            return Optional.of(version);
        } catch (RuntimeException e) {
            discard(object.key());
            throw e;
        }
    }

    /**
     * Counts an upload in {@code comunidad_uploads_total{outcome}} (success; refused: the member's
     * request was refused, for its size, quota, type, rights or place; failed: the body was cut or
     * the store or database failed) and a stored one's size in {@code comunidad_upload_bytes_total}.
     */
    private <T> Optional<T> counted(java.util.function.Supplier<Optional<T>> upload,
            java.util.function.ToLongFunction<T> size) {
        String outcome = "failed";
        try {
            Optional<T> stored = upload.get();
            if (stored.isPresent()) {
                outcome = "success";
                Counter.builder("comunidad.upload.bytes").baseUnit("bytes")
                        .description("Bytes of the files stored by uploads").register(registry)
                        .increment(size.applyAsLong(stored.get()));
            } else {
                outcome = "refused";
            }
            return stored;
        } catch (UploadRefused e) {
            boolean members = e.code() != UploadRefused.Code.INCOMPLETE
                    && e.code() != UploadRefused.Code.STORAGE_UNAVAILABLE;
            outcome = members ? "refused" : "failed";
            throw e;
        } catch (Refused | org.comunidad.platform.content.InvalidInput e) {
            outcome = "refused";
            throw e;
        } finally {
            Counter.builder("comunidad.uploads").description("Uploads of documents and versions, by outcome")
                    .tag("outcome", outcome).register(registry).increment();
        }
    }

    private DocumentVersion newVersion(Viewer viewer, Document document, Stored object, String comment) {
        DocumentVersion version = new DocumentVersion();
        version.documentId = document.id;
        version.number = document.versionCount + 1;
        version.objectKey = object.key();
        version.fileName = object.fileName();
        version.contentType = object.contentType();
        version.sizeBytes = object.size();
        version.sha256 = object.sha256();
        version.comment = comment;
        version.createdBy = em.getReference(Member.class, viewer.memberId());
        version.createdAt = OffsetDateTime.now();
        version.persist();
        document.versionCount = version.number;
        document.currentVersion = version;
        return version;
    }

    private static void requireUploader(Viewer viewer, Community community) {
        if (!DocumentAccess.uploadsIn(viewer, community)) {
            throw new Refused(community.isGroup() ? Refused.Reason.NOT_COORDINATOR
                    : Refused.Reason.NOT_SUBGROUP_MEMBER);
        }
    }

    /**
     * Refuses early what cannot fit: a larger length than allowed, or a group already
     * without room for the length announced. A body without Content-Length announces
     * nothing: the quota it gets back bounds how much of it is read, and the bytes
     * stored are checked again before the row is committed ({@link #requireStoredFits}).
     */
    private DocumentService.Quota requireRoom(long groupId, long declaredLength) {
        if (declaredLength > config.maxBytes()) {
            throw new UploadRefused(UploadRefused.Code.TOO_LARGE, config.maxBytes());
        }
        DocumentService.Quota quota = documents.quota(groupId);
        if (!quota.allows(Math.max(0, declaredLength))) {
            throw new UploadRefused(UploadRefused.Code.QUOTA, quota.limit());
        }
        return quota;
    }

    /**
     * The bytes actually stored must fit in the group's quota, counted with every version
     * committed before, under the group's lock (held until this transaction commits), so
     * that uploads at the same time cannot together go past it. The caller removes the
     * object when this refuses.
     */
    private void requireStoredFits(long groupId, long size) {
        DocumentService.Quota quota = documents.lockedQuota(groupId);
        if (!quota.allows(size)) {
            throw new UploadRefused(UploadRefused.Code.QUOTA, quota.limit());
        }
    }

    /**
     * While the store is down, refused at once (503), before any query: a burst of uploads then costs
     * nothing but the answers. A moderate body is read out so that the browser gets the answer.
     */
    private void requireStore(InputStream body) {
        if (!store.usable()) {
            drain(body, DRAIN_MAX);
            throw new UploadRefused(UploadRefused.Code.STORAGE_UNAVAILABLE, (Throwable) null);
        }
    }

    /**
     * Streams the body into a new object: type from the first bytes, then SHA-256 and size
     * on the way through. declaredLength -1 when the client did not say. Reading stops past
     * the size limit or past the room left in the group's quota, whichever is smaller.
     */
    Stored storeObject(String fileName, long declaredLength, InputStream body, DocumentService.Quota quota) {
        long room = Math.max(0, quota.limit() - quota.used());
        boolean quotaBound = room < config.maxBytes();
        Metered metered = new Metered(body, quotaBound ? room : config.maxBytes());
        java.util.function.Supplier<UploadRefused> overLimit = () -> quotaBound
                ? new UploadRefused(UploadRefused.Code.QUOTA, quota.limit())
                : new UploadRefused(UploadRefused.Code.TOO_LARGE, config.maxBytes());
        BufferedInputStream in = new BufferedInputStream(metered, DocumentFiles.detectionLength() + 1);
        String contentType;
        try {
            in.mark(DocumentFiles.detectionLength() + 1);
            contentType = DocumentFiles.detect(in, fileName);
            in.reset();
        } catch (IOException e) {
            if (metered.tooLarge) {
                drain(body, DRAIN_MAX);
                throw overLimit.get();
            }
            throw new UploadRefused(UploadRefused.Code.INCOMPLETE, e);
        }
        if (metered.count == 0) {
            throw new UploadRefused(UploadRefused.Code.EMPTY, 0);
        }
        MessageDigest sha = sha256();
        InputStream hashed = new java.security.DigestInputStream(in, sha);
        String key = ObjectKeys.newKey(KEY_PREFIX);
        try {
            store.put(key, hashed, declaredLength, contentType);
        } catch (StorageException e) {
            discard(key);
            if (metered.tooLarge) {
                // Read the rest of a moderate body so that the client receives the answer.
                drain(body, DRAIN_MAX);
                throw overLimit.get();
            }
            if (metered.failed) {
                throw new UploadRefused(UploadRefused.Code.INCOMPLETE, e);
            }
            LOG.warnf("object store unavailable during an upload: %s", e.getMessage());
            // Read the rest of a moderate body so that the browser receives the answer instead
            // of a reset connection; a huge one is cut (the client then sees a network error).
            drain(hashed, DRAIN_MAX);
            throw new UploadRefused(UploadRefused.Code.STORAGE_UNAVAILABLE, e);
        }
        long size = metered.count;
        if (declaredLength >= 0 && size != declaredLength) {
            discard(key);
            throw new UploadRefused(UploadRefused.Code.INCOMPLETE, 0);
        }
        return new Stored(key, size, HexFormat.of().formatHex(sha.digest()), contentType, fileName);
    }

    /** At most this much of a body is read and thrown away to deliver an error answer. */
    static final long DRAIN_MAX = 256L * 1024 * 1024;

    private static void drain(InputStream in, long max) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            int n;
            while (read < max && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client is gone or the body was cut: nothing more to read.
        }
    }

    /** Removes an object that no row will reference; if the store is down, the sweeper will. */
    void discard(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove unreferenced object %s now (the sweeper will): %s", key, e.getMessage());
        }
    }

    // ---- Downloads

    /**
     * The version to download (the current one when number is null) of a document of this
     * community, if the viewer may read it; for a preview, only a type a browser shows safely.
     */
    public Optional<Download> download(Viewer viewer, Community community, long documentId, Integer number,
            boolean preview) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Document> found = documents.find(viewer, community, documentId);
            if (found.isEmpty()) {
                return Optional.<Download>empty();
            }
            Document document = found.get();
            DocumentVersion version = number == null ? document.currentVersion
                    : DocumentVersion.<DocumentVersion>find("documentId = ?1 and number = ?2", documentId, number)
                            .firstResultOptional().orElse(null);
            return version == null || (preview && !version.isPreviewable()) ? Optional.<Download> empty()
                    : Optional.of(new Download(document, version));
        });
    }

    /**
     * The bytes from offset on, length of them, as they stream from the object store (never
     * held in memory). Every download is on record first: who, when, which version, which bytes
     * (a range when partial).
     */
    public StreamingOutput stream(Viewer viewer, Download download, long offset, long length, boolean partial,
            boolean preview) {
        String range = partial ? offset + "-" + (offset + length - 1) : null;
        QuarkusTransaction.requiringNew().run(() -> AuditLog.record(viewer.memberId(), download.document().groupId,
                preview ? "DOCUMENT_PREVIEW" : "DOCUMENT_DOWNLOAD", "document_version", download.version().id,
                "document " + download.document().id + " v" + download.version().number
                        + (range == null ? "" : ", bytes " + range)));
        DocumentVersion version = download.version();
        return out -> {
            if (length == 0) {
                return;
            }
            try (InputStream in = offset == 0 && length == version.sizeBytes ? store.get(version.objectKey)
                    : store.getRange(version.objectKey, offset, length)) {
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            }
        };
    }

    /** Downloads are copied in chunks of this size (the response's own buffer is as large). */
    private static final int COPY_BUFFER = 1024 * 1024;

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes read, stops past the limit, and remembers whether the client's stream failed. */
    static final class Metered extends FilterInputStream {
        final long limit;
        long count;
        boolean tooLarge;
        boolean failed;

        Metered(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(() -> super.read());
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> super.read(buffer, offset, length));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                tooLarge = true;
                throw new IOException("file larger than " + limit + " bytes");
            }
        }

        private interface Read {
            int run() throws IOException;
        }

        private int guarded(Read read) throws IOException {
            try {
                return read.run();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
