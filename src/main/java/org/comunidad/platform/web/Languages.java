package org.comunidad.platform.web;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The three languages of the forum and how a request's language is chosen. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("es", "pt", "en");
    public static final String DEFAULT = "es";
    /** Remembers the choice of a visitor who is not signed in yet. */
    public static final String COOKIE = "comunidad_lang";

    private Languages() {
    }

    public static boolean isSupported(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /** Maps a locale such as pt-BR or en-GB to one of ours, or null. */
    public static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return isSupported(language) ? language : null;
    }

    /** The visitor's cookie, else the best match of Accept-Language, else Spanish. */
    public static String fromRequest(HttpServerRequest request) {
        if (request == null) {
            return DEFAULT;
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && isSupported(cookie.getValue())) {
            return cookie.getValue();
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                String language = normalize(range.getRange());
                if (language != null && range.getWeight() > 0) {
                    return language;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is the browser's mistake, not the user's: fall back.
        }
        return DEFAULT;
    }
}
