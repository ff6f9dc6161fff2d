package org.comunidad.platform.content;

import java.util.Collection;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import org.comunidad.platform.persistence.BaseEntity;
import org.comunidad.platform.text.RichText;

import io.quarkus.qute.RawString;

/**
 * What every piece of member content shares, written once: its author ({@code author_id}), its
 * text ({@code body}; a discussion maps it to {@code opening} with an {@code @AttributeOverride}), that
 * text rendered when written ({@code body_html}, {@code body_html_version})
 * and what happened to it since ({@link ContentState}: edited, deleted, hidden with a reason).
 * The author's type is the feature's member entity, given as the type argument, so that the
 * platform never names it.
 */
@MappedSuperclass
public abstract class Content<A extends BaseEntity> extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public A author;

    @Column(name = "body", nullable = false)
    public String body;

    /**
     * The text rendered to sanitised HTML when it was written, and the renderer version that did it
     * ({@code body_html}, {@code body_html_version}; see {@link org.comunidad.platform.text.StoredText}).
     */
    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "body_html_version")
    public Integer bodyHtmlVersion;

    /** Read through {@link #getState()}: the field is null when all its columns are. */
    @Embedded
    protected ContentState state = new ContentState();

    /**
     * Hibernate leaves the embeddable null when all its columns are: readers get an empty
     * state (not attached, so reading never makes the row dirty); writers use {@link #changeState()}.
     */
    public ContentState getState() {
        return state != null ? state : new ContentState();
    }

    public ContentState changeState() {
        if (state == null) {
            state = new ContentState();
        }
        return state;
    }

    /** Renders the text as it is now written, highlighting the members it mentions, and keeps it. */
    public void render(RichText richText, Collection<String> mentioned) {
        bodyHtml = richText.html(body, mentioned);
        bodyHtmlVersion = RichText.VERSION;
    }

    /** Whether the stored HTML can be shown as it is (else it is rendered on read until re-rendered). */
    public boolean renderedCurrent() {
        return bodyHtml != null && RichText.current(bodyHtmlVersion);
    }

    /** What a page shows: the stored HTML, or the text rendered now when it is stale. */
    public RawString html(RichText richText, Set<String> mentioned) {
        return richText.shown(body, bodyHtml, bodyHtmlVersion, mentioned);
    }

    /** The author's id, without loading the author. */
    public long authorId() {
        return author.id;
    }

    public boolean isBy(long memberId) {
        return authorId() == memberId;
    }

    /** Deleted content is gone for everyone; hidden content stays visible to its author and the moderators. */
    public boolean visibleTo(long viewerId, boolean moderator) {
        return getState().visibleTo(viewerId, authorId(), moderator);
    }
}
