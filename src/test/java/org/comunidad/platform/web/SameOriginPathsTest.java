package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Links back to "the page you asked for" built from a request: a path of this site, percent-encoded. */
class SameOriginPathsTest {

    @Test
    void theRetryPathIsASameOriginPath() {
        assertEquals("/c/seguridad/feed", SameOriginPaths.of("/c/seguridad/feed", null));
        assertEquals("/c/seguridad/feed?page=2", SameOriginPaths.of("/c/seguridad/feed", "page=2"));
        assertEquals("/", SameOriginPaths.of("//evil.example/x", null));
        assertEquals("/", SameOriginPaths.of("/\\evil.example/x", null));
        assertEquals("/", SameOriginPaths.of("http://evil.example/x", null));
        assertEquals("/", SameOriginPaths.of("javascript:alert(1)", null));
        assertEquals("/", SameOriginPaths.of(null, null));
        assertEquals("/", SameOriginPaths.of("", "x=1"));
        assertEquals("/%09/evil.example", SameOriginPaths.of("/\t/evil.example", null));
        assertEquals("/c/caf%C3%A9?q=a%20b%22", SameOriginPaths.of("/c/café", "q=a b\""));
        assertEquals("/c/x?q=%2F%2Fevil", SameOriginPaths.of("/c/x", "q=%2F%2Fevil"));
        assertEquals("/c/x", SameOriginPaths.of("/c/x", ""));
    }
}
