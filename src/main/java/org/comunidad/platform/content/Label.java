package org.comunidad.platform.content;

/** A text a feature contributes to a page that gathers every feature, in a language (es, pt, en). */
@FunctionalInterface
public interface Label {

    String in(String language);
}
