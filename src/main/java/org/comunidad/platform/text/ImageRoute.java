package org.comunidad.platform.text;

import java.util.regex.Pattern;

/**
 * One of the app's own image routes, contributed by the feature that serves it: the only places
 * an image in members' text may point at. Every reader's browser requests an image, with their
 * cookies, as soon as the text is shown, so only a route that returns an image the reader may see
 * and does nothing else (no change, no audit entry, no download record) may be contributed;
 * anything else (sign-out, a document's file, another host) is shown as the image's alternative
 * text. The pattern must match the whole URL as written, with no query or fragment.
 */
public interface ImageRoute {

    Pattern pattern();
}
