package org.comunidad.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.comunidad.community.Country;
import org.comunidad.member.Member;
import org.comunidad.platform.persistence.BaseEntity;

/**
 * A document of a working group's repository: metadata, a folder, and its versions (the
 * current one is what is downloaded, previewed and searched). Deleting sends it to the
 * trash for {@link DocumentConfig#trashDays()} days.
 */
@Entity
@Table(name = "document")
public class Document extends BaseEntity {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int TAGS_MAX = 400;
    public static final int TAG_MAX = 40;
    public static final int TAG_COUNT_MAX = 12;
    public static final List<String> LANGUAGES = List.of("es", "pt", "en", "other");

    @Column(name = "group_id", nullable = false)
    public long groupId;

    /** The working group or subgroup that holds it. */
    @Column(name = "community_id", nullable = false)
    public long communityId;

    /** Null: at the top of its community's documents. */
    @Column(name = "folder_id")
    public Long folderId;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = DESCRIPTION_MAX)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "doc_type", nullable = false, length = 30)
    public DocumentType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "country_code")
    public Country country;

    @Column(nullable = false, length = 5)
    public String language;

    /** Comma-separated, as typed (trimmed, without duplicates). */
    @Column(nullable = false, length = TAGS_MAX)
    public String tags = "";

    @Column(name = "doc_date")
    public LocalDate documentDate;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploader_id")
    public Member uploader;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_version_id")
    public DocumentVersion currentVersion;

    @Column(name = "version_count", nullable = false)
    public int versionCount;

    @Column(name = "translation_set")
    public Long translationSet;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deleted_by")
    public Member deletedBy;

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public DocumentLanguage lang() {
        return DocumentLanguage.of(language);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The PostgreSQL text search configuration of the document's language (accents ignored). */
    public static String searchConfig(String language) {
        return switch (language == null ? "" : language) {
            case "es" -> "doc_es";
            case "pt" -> "doc_pt";
            case "en" -> "doc_en";
            default -> "doc_simple";
        };
    }
}
