package org.comunidad.platform.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown columns a feature stores rendered, contributed by the feature that owns them (a seam,
 * like {@link ImageRoute}). For each column {@code source} of {@code table} the table has
 * {@code source_html} (the sanitised HTML, written with the source) and {@code source_html_version}
 * (the {@link RichText#VERSION} that rendered it; null for rows written before stored rendering).
 * {@link StoredRendering} re-renders the rows whose version is not the current one.
 */
public interface StoredText {

    /**
     * One rendered column. {@code mentionSource}: the mention source type (the name of a
     * {@code MentionSource}) whose recorded mentions are highlighted in this text, or null when the
     * text's page highlights none.
     */
    record Column(String table, String source, String mentionSource) {

        private static final Pattern NAME = Pattern.compile("[a-z_]{1,40}");

        public Column {
            if (!NAME.matcher(table).matches() || !NAME.matcher(source).matches()) {
                throw new IllegalArgumentException("not a column name: " + table + "." + source);
            }
        }

        public String html() {
            return source + "_html";
        }

        public String version() {
            return source + "_html_version";
        }
    }

    List<Column> columns();
}
