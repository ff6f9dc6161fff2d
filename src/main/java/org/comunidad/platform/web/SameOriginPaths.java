package org.comunidad.platform.web;

import java.nio.charset.StandardCharsets;

/**
 * A link back to "the page you asked for", built from a request: always a path of this site.
 * Whatever the request line held (an absolute URI, "//host", a backslash, spaces, quotes, tabs
 * that browsers drop), the result starts with one slash followed by something other than a
 * slash or backslash, and every character outside RFC 3986's path and query characters is
 * percent-encoded; existing percent escapes are kept as they are.
 */
public final class SameOriginPaths {

    private SameOriginPaths() {
    }

    /** The path and query as a same-origin relative URL; "/" when the path is not one of this site. */
    public static String of(String path, String query) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            return "/";
        }
        StringBuilder url = new StringBuilder();
        encode(path, false, url);
        if (query != null && !query.isEmpty()) {
            url.append('?');
            encode(query, true, url);
        }
        String result = url.toString();
        return result.startsWith("//") ? "/" : result;
    }

    private static void encode(String text, boolean query, StringBuilder out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append('%');
            } else if (allowed(b, query)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
    }

    /** pchar (unreserved, sub-delims, ":" and "@") and "/"; in the query "?" as well. */
    private static boolean allowed(int c, boolean query) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?';
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }
}
