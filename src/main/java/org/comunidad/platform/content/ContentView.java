package org.comunidad.platform.content;

import java.time.OffsetDateTime;

import io.quarkus.qute.RawString;

/**
 * What every piece of content shows, prepared for a page or the API: who wrote it and when, its
 * text (as written and as rendered), what happened to it (edited, hidden with the reason), and
 * what the viewer may do with it. Templates read these flags; they never recompute a rule.
 * {@code hidden} and {@code edited} let the tags that took a {@link ContentState} take this view.
 */
public record ContentView(long id, ContentAuthor author, OffsetDateTime createdAt, String body, RawString html,
        boolean edited, boolean hidden, String hiddenReason, boolean mine, boolean canEdit, boolean canDelete,
        boolean canModerate) {

    /** The view of a piece of content; {@code mine} is whether the viewer wrote it. */
    public static ContentView of(Content<?> content, ContentAuthor author, RawString html, long viewerId,
            boolean canEdit, boolean canDelete, boolean canModerate) {
        ContentState state = content.getState();
        return new ContentView(content.id, author, content.createdAt, content.body, html, state.isEdited(),
                state.isHidden(), state.hiddenReason, content.isBy(viewerId), canEdit, canDelete, canModerate);
    }

    /** Whether the viewer may do anything with it (edit, delete or hide). */
    public boolean hasActions() {
        return canEdit || canDelete || canModerate;
    }
}
