package org.comunidad.platform.content;

import org.comunidad.platform.persistence.Localized;

/**
 * Who wrote a piece of content, as pages and the API show them: plain values, taken from the
 * member when the content is read (the platform never names the member entity).
 */
public record ContentAuthor(long id, String displayName, String countryCode, Localized countryName,
        String institution) {
}
