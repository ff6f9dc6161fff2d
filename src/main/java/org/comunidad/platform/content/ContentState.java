package org.comunidad.platform.content;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What happened to a piece of member content after it was written: edited by its
 * author, deleted by its author, hidden by a moderator (with the reason its author
 * is shown). Every kind of content carries the same columns.
 */
@Embeddable
public class ContentState {

    @Column(name = "edited_at")
    public OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "hidden_at")
    public OffsetDateTime hiddenAt;

    @Column(name = "hidden_by")
    public Long hiddenBy;

    @Column(name = "hidden_reason", length = 1000)
    public String hiddenReason;

    public boolean isEdited() {
        return editedAt != null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public void edited() {
        editedAt = OffsetDateTime.now();
    }

    public void delete() {
        deletedAt = OffsetDateTime.now();
    }

    public void hide(long moderatorId, String reason) {
        hiddenAt = OffsetDateTime.now();
        hiddenBy = moderatorId;
        hiddenReason = reason;
    }

    public void unhide() {
        hiddenAt = null;
        hiddenBy = null;
        hiddenReason = null;
    }

    /** Deleted content is gone for everyone; hidden content stays visible to its author and the moderators. */
    public boolean visibleTo(long viewerId, long authorId, boolean moderator) {
        return !isDeleted() && (!isHidden() || viewerId == authorId || moderator);
    }
}
