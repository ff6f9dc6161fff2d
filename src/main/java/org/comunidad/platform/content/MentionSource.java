package org.comunidad.platform.content;

/**
 * A kind of content that may mention members (@username), declared by the feature that owns it:
 * an enum of the feature implements it. Its name is stored with each mention; its target is the
 * one statement that gives the page and excerpt a notification points at.
 */
public interface MentionSource {

    /** Stored in {@code mention.source_type}: capitals and underscores, at most 20 characters. */
    String name();

    /**
     * One native statement with the content's id as {@code ?1}, answering the columns {@code link}
     * (the page, an absolute path) and {@code excerpt} (at most 300 characters).
     */
    String target();
}
