package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.comunidad.testsupport.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every route of the application (read from its JAX-RS metadata by {@link ResourceRoutes}) is in
 * an access matrix, or in {@link #OUTSIDE_MATRICES} with the reason why not. The matrices are found
 * by scanning the compiled tests for static no-argument methods returning an {@link AccessMatrix},
 * and built here (they are pure tables), so the answer does not depend on which tests ran before.
 * Plain JUnit: no application start.
 */
class RouteCoverageTest {

    /**
     * Routes deliberately in no matrix, each with its reason. A route goes here only when "who may
     * call it" is not a question of persona. (Health and metrics under /q/, static files and the
     * sign-in callback are not JAX-RS resources of the application: they are not in the list.)
     */
    static final Map<String, String> OUTSIDE_MATRICES = allowList();

    private static Map<String, String> allowList() {
        Map<String, String> allowed = new LinkedHashMap<>();
        // Signing out ends the caller's own session, whoever they are (SignOutTest).
        allowed.put("GET /logout", "asks the signed-in user to confirm; the same for everyone");
        allowed.put("POST /logout", "ends the caller's own session; the same for everyone");
        // Links in emails carry their own proof (a signed token), not a session (EmailDigestTest).
        allowed.put("GET /unsubscribe", "authorized by the signed token in the link, not by a persona");
        allowed.put("POST /unsubscribe", "authorized by the signed token in the form, not by a persona");
        return allowed;
    }

    @Test
    void everyRouteIsInAnAccessMatrix() {
        ResourceRoutes app = ResourceRoutes.ofApplication();
        Map<String, List<String>> coveredBy = coverage(app, matrices());
        Set<String> missing = new TreeSet<>();
        for (ResourceRoutes.Route route : app.routes()) {
            String key = route.toString();
            if (!coveredBy.containsKey(key) && !OUTSIDE_MATRICES.containsKey(key)) {
                missing.add(key + "  (" + route.declaredBy() + ")");
            }
        }
        assertTrue(missing.isEmpty(), () -> missing.size() + " route(s) of the application are in no access matrix. "
                + "Add each to the matrix of its feature (AccessMatrix in testsupport), or, if who may call it is "
                + "not a question of persona, to RouteCoverageTest.OUTSIDE_MATRICES with the reason:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void theAllowListNamesRealRoutesThatNoMatrixCovers() {
        ResourceRoutes app = ResourceRoutes.ofApplication();
        Set<String> routes = new TreeSet<>(app.routes().stream().map(ResourceRoutes.Route::toString).toList());
        Map<String, List<String>> coveredBy = coverage(app, matrices());
        for (String allowed : OUTSIDE_MATRICES.keySet()) {
            assertTrue(routes.contains(allowed), allowed + " is in the allow-list but is no route of the application");
            assertTrue(!coveredBy.containsKey(allowed), allowed + " is in a matrix now: take it off the allow-list");
        }
    }

    @Test
    void theMatricesAreFound() {
        List<AccessMatrix> matrices = matrices();
        assertTrue(matrices.size() >= 12, "the scan found " + matrices.size() + " matrices");
        assertEquals(matrices.size(), matrices.stream().map(AccessMatrix::title).distinct().count(),
                "each matrix has a title of its own");
    }

    /** Application route ("GET /c/{slug}/news") -> the matrix rows that call it. */
    static Map<String, List<String>> coverage(ResourceRoutes app, List<AccessMatrix> matrices) {
        Map<String, List<String>> coveredBy = new LinkedHashMap<>();
        for (AccessMatrix matrix : matrices) {
            for (AccessMatrix.Row row : matrix.rows()) {
                route(app, row).ifPresent(r -> coveredBy.computeIfAbsent(r.toString(), k -> new ArrayList<>())
                        .add(matrix.title() + ": " + row.name()));
            }
        }
        return coveredBy;
    }

    /**
     * The route a row calls: the one whose template matches the row's path (placeholders stand
     * for any segment), the most literal one when several do, as JAX-RS chooses.
     */
    static Optional<ResourceRoutes.Route> route(ResourceRoutes app, AccessMatrix.Row row) {
        String path = ResourceRoutes.TEMPLATE_PARAM.matcher(row.route()).replaceAll("1");
        return app.routes().stream().filter(r -> r.method().equals(row.method()) && r.matches(path))
                .max(Comparator.comparingInt(RouteCoverageTest::literalLength));
    }

    private static int literalLength(ResourceRoutes.Route route) {
        return ResourceRoutes.TEMPLATE_PARAM.matcher(route.template()).replaceAll("").length();
    }

    /** Every access matrix of the test suite: static no-argument methods returning one, in the compiled tests. */
    static List<AccessMatrix> matrices() {
        Path root = Path.of("target", "test-classes");
        List<AccessMatrix> matrices = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).sorted()
                    .toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, RouteCoverageTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Method method : declaredMethods(type)) {
                    if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                            && method.getReturnType() == AccessMatrix.class) {
                        method.setAccessible(true);
                        try {
                            matrices.add((AccessMatrix) method.invoke(null));
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("cannot build the matrix of " + method, e);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matrices;
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }
}
