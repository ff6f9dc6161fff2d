package org.comunidad.document;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One uploaded file of a document: an object in the S3 store, written completely (its
 * size and SHA-256 known) before this row was committed. Versions are never changed.
 */
@Entity
@Table(name = "document_version")
public class DocumentVersion extends PanacheEntityBase {

    public static final int COMMENT_MAX = 1000;
    public static final int FILE_NAME_MAX = 255;

    public enum TextStatus {
        PENDING, DONE, FAILED, NONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "document_id", nullable = false)
    public long documentId;

    @Column(nullable = false)
    public int number;

    /** Server-made; never shown to users nor accepted from them. */
    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(name = "file_name", nullable = false, length = FILE_NAME_MAX)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(length = COMMENT_MAX)
    public String comment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "text_status", nullable = false, length = 10)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public TextStatus textStatus = TextStatus.PENDING;

    @Column(name = "text_attempts", nullable = false)
    public int textAttempts;

    /** Why the text was not extracted, once that is final (FAILED); null for older failures. */
    @Column(name = "text_failure", length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public TextFailure textFailure;

    /** A file that missed its time limit waits until then for its next attempt. */
    @Column(name = "text_retry_at")
    public OffsetDateTime textRetryAt;

    public static List<DocumentVersion> ofDocument(long documentId) {
        return find("select v from DocumentVersion v join fetch v.createdBy m left join fetch m.country "
                + "where v.documentId = ?1 order by v.number desc", documentId).list();
    }

    public boolean isPreviewable() {
        return DocumentFiles.previewable(contentType);
    }
}
