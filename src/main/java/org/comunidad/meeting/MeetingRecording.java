package org.comunidad.meeting;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.comunidad.member.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A recording of a meeting (video or audio): an object in the S3 store, written completely
 * before this row exists, counted in the working group's storage quota.
 */
@Entity
@Table(name = "meeting_recording")
public class MeetingRecording extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;

    @Column(name = "group_id", nullable = false)
    public long groupId;

    @Column(name = "object_key", nullable = false, length = 300)
    public String objectKey;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(name = "content_type", nullable = false, length = 120)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploader_id")
    public Member uploader;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @PrePersist
    void onCreate() {
        if (createdAt == null) {
            createdAt = OffsetDateTime.now();
        }
    }

    public boolean isVideo() {
        return contentType.startsWith("video/");
    }
}
