package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The shipped proxy configurations (deploy/compose/Caddyfile, deploy/k8s/ingress.yaml) keep the
 * operations endpoints (/q/*: metrics, health, OpenAPI) and Keycloak's administration (/admin,
 * the master realm) off the public host names, and the app trusts forwarded headers only from
 * the proxies it is told about. Read as text: no Caddy or cluster is needed to check them.
 */
class DeployConfigTest {

    static final Path DEPLOY = Path.of("deploy");

    /** The body of the Caddy site block for this host placeholder, e.g. {$COMUNIDAD_HOST}. */
    static String caddySite(String caddyfile, String host) {
        int start = caddyfile.indexOf(host + " {");
        assertTrue(start >= 0, "a site block for " + host);
        int depth = 0;
        for (int i = caddyfile.indexOf('{', start + host.length()); i < caddyfile.length(); i++) {
            char c = caddyfile.charAt(i);
            if (c == '{' && !caddyfile.startsWith("{$", i)) {
                depth++;
            } else if (c == '}' && depth > 0 && !isPlaceholderEnd(caddyfile, i)) {
                depth--;
                if (depth == 0) {
                    return caddyfile.substring(start, i + 1);
                }
            }
        }
        throw new AssertionError("unbalanced site block for " + host);
    }

    private static boolean isPlaceholderEnd(String text, int at) {
        int open = text.lastIndexOf("{$", at);
        return open >= 0 && text.indexOf('}', open) == at;
    }

    /**
     * In the site block, the paths answered before the proxy: a named matcher (@name path ...) or
     * an inline path given to respond/abort/error, which Caddy orders before reverse_proxy.
     */
    static List<String> caddyRefused(String site) {
        List<String> refused = new ArrayList<>();
        Matcher named = Pattern.compile("@(\\w+)\\s+path\\s+([^\\n]+)").matcher(site);
        List<String[]> matchers = new ArrayList<>();
        while (named.find()) {
            matchers.add(new String[] { named.group(1), named.group(2).strip() });
        }
        Matcher answer = Pattern.compile("(?m)^\\s*(respond|abort|error)\\s+(\\S+)").matcher(site);
        while (answer.find()) {
            String target = answer.group(2);
            if (target.startsWith("@")) {
                for (String[] m : matchers) {
                    if (m[0].equals(target.substring(1))) {
                        refused.addAll(List.of(m[1].split("\\s+")));
                    }
                }
            } else if (target.startsWith("/")) {
                refused.add(target);
            }
        }
        return refused;
    }

    @Test
    void caddyDoesNotForwardOperationsOrKeycloakAdministration() throws IOException {
        String caddyfile = Files.readString(DEPLOY.resolve("compose/Caddyfile"));
        String app = caddySite(caddyfile, "{$COMUNIDAD_HOST}");
        assertTrue(app.contains("reverse_proxy app:8080"), app);
        assertTrue(caddyRefused(app).containsAll(List.of("/q", "/q/*")), "refused on the app host: " + caddyRefused(app));

        String keycloak = caddySite(caddyfile, "{$KEYCLOAK_HOST}");
        assertTrue(keycloak.contains("reverse_proxy keycloak:8080"), keycloak);
        assertTrue(caddyRefused(keycloak).containsAll(List.of("/admin", "/admin/*", "/realms/master", "/realms/master/*")),
                "refused on the Keycloak host: " + caddyRefused(keycloak));
    }

    /** One Ingress of the file: its text, split on the YAML document separator. */
    static List<String> ingresses(String yaml) {
        List<String> found = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.contains("kind: Ingress")) {
                found.add(document);
            }
        }
        return found;
    }

    /** Paths of an Ingress per host: "host path". */
    static List<String> paths(String ingress) {
        List<String> paths = new ArrayList<>();
        Matcher host = Pattern.compile("(?m)^\\s*- host:\\s*(\\S+)").matcher(ingress);
        List<int[]> starts = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        while (host.find()) {
            starts.add(new int[] { host.start() });
            hosts.add(host.group(1));
        }
        for (int i = 0; i < hosts.size(); i++) {
            int from = starts.get(i)[0];
            int to = i + 1 < hosts.size() ? starts.get(i + 1)[0] : ingress.length();
            Matcher path = Pattern.compile("(?m)^\\s*- path:\\s*(\\S+)").matcher(ingress.substring(from, to));
            while (path.find()) {
                paths.add(hosts.get(i) + " " + path.group(1));
            }
        }
        return paths;
    }

    @Test
    void theIngressDeniesOperationsAndKeycloakAdministrationToEveryone() throws IOException {
        String yaml = Files.readString(DEPLOY.resolve("k8s/ingress.yaml"));
        List<String> ingresses = ingresses(yaml);
        List<String> denied = new ArrayList<>();
        for (String ingress : ingresses) {
            Matcher deny = Pattern.compile("nginx\\.ingress\\.kubernetes\\.io/denylist-source-range:\\s*\"?([^\"\\n]+)")
                    .matcher(ingress);
            if (deny.find()) {
                List<String> ranges = List.of(deny.group(1).split("\\s*,\\s*"));
                assertTrue(ranges.containsAll(List.of("0.0.0.0/0", "::/0")), "denied to every address: " + ranges);
                denied.addAll(paths(ingress));
            } else {
                assertFalse(paths(ingress).stream().anyMatch(p -> p.matches("\\S+ /(q|admin|realms/master)(/.*)?")),
                        "an open Ingress names an internal path: " + paths(ingress));
            }
        }
        assertTrue(denied.containsAll(List.of("comunidad.example.org /q", "sso.example.org /admin",
                "sso.example.org /realms/master")), "denied: " + denied);
        // The open Ingress still serves both hosts.
        assertTrue(ingresses.stream().anyMatch(i -> paths(i).containsAll(List.of("comunidad.example.org /",
                "sso.example.org /")) && !i.contains("denylist-source-range")), yaml);
    }

    @Test
    void forwardedHeadersAreTrustedOnlyFromTheConfiguredProxies() throws IOException {
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertEquals("true", properties.getProperty("%prod.quarkus.http.proxy.proxy-address-forwarding"));
        assertEquals("${COMUNIDAD_TRUSTED_PROXIES}", properties.getProperty("%prod.quarkus.http.proxy.trusted-proxies"),
                "no default: the app refuses to start without the list");
        assertTrue(Files.readString(DEPLOY.resolve("compose.yaml")).contains("COMUNIDAD_TRUSTED_PROXIES"));
        assertTrue(Files.readString(DEPLOY.resolve("k8s/app.yaml")).contains("COMUNIDAD_TRUSTED_PROXIES"));
        assertTrue(Files.readString(DEPLOY.resolve("README.md")).contains("COMUNIDAD_TRUSTED_PROXIES"));
    }
}
