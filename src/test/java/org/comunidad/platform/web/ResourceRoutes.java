package org.comunidad.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;

/**
 * Every resource method of the application, read from its compiled classes with Jandex (as
 * Quarkus itself reads them): HTTP method, path template, and each path, query, form and header
 * parameter with its Java type. Tests walk this list instead of a list of routes kept by hand,
 * so a new route is covered the day it is added.
 */
record ResourceRoutes(List<Route> routes) {

    enum Source {
        PATH, QUERY, FORM, HEADER, JSON
    }

    record Param(String name, Source source, String type) {
    }

    /**
     * One resource method; {@code body} is the media type it consumes, null when it reads no body;
     * {@code bodyType} the Java type of an entity body (a JSON record), null when there is none.
     */
    record Route(String method, String template, List<Param> params, String body, String bodyType, String declaredBy) {

        /** The path with every {name} or {name:regex} replaced by the given values. */
        String path(java.util.Map<String, String> values) {
            Matcher m = TEMPLATE_PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Whether a concrete path (no query) is an instance of this template. */
        boolean matches(String path) {
            return regex().matcher(path).matches();
        }

        java.util.Map<String, String> values(String path) {
            Matcher m = regex().matcher(path);
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            if (m.matches()) {
                List<String> names = names();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), m.group(i + 1));
                }
            }
            return values;
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            Matcher m = TEMPLATE_PARAM.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        private Pattern regex() {
            Matcher m = TEMPLATE_PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                out.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                last = m.end();
            }
            out.append(Pattern.quote(template.substring(last)));
            return Pattern.compile(out.toString());
        }

        List<Param> params(Source source) {
            return params.stream().filter(p -> p.source() == source).toList();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?}");

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName CONSUMES = DotName.createSimple("jakarta.ws.rs.Consumes");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** The application's classes as Maven compiled them (tests run from the project directory). */
    static ResourceRoutes ofApplication() {
        return of(Path.of("target", "classes", "org", "comunidad"));
    }

    static ResourceRoutes of(Path classes) {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Index index = indexer.complete();
        List<Route> routes = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            AnnotationInstance classPath = type.declaredAnnotation(PATH);
            for (MethodInfo method : type.methods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                String template = join(classPath == null ? "" : classPath.value().asString(),
                        methodPath == null ? "" : methodPath.value().asString());
                List<Param> params = new ArrayList<>();
                boolean readsBody = false;
                String bodyType = null;
                for (MethodParameterInfo parameter : method.parameters()) {
                    Param param = param(parameter);
                    if (param != null) {
                        params.add(param);
                        readsBody |= param.source() == Source.FORM;
                    } else if (parameter.annotations().isEmpty() && !isContext(parameter)) {
                        readsBody = true;
                        bodyType = parameter.type().name().toString();
                    }
                }
                String body = readsBody ? consumes(type, method) : null;
                if (body != null && body.startsWith("application/json") && bodyType != null) {
                    // The fields of a JSON body: the components of its record.
                    ClassInfo record = index.getClassByName(DotName.createSimple(bodyType));
                    if (record != null && record.isRecord()) {
                        record.recordComponents().forEach(c -> params.add(
                                new Param(c.name(), Source.JSON, c.type().name().toString())));
                    }
                }
                routes.add(new Route(http, template, List.copyOf(params), body, bodyType,
                        type.simpleName() + "." + method.name()));
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::template).thenComparing(Route::method));
        return new ResourceRoutes(List.copyOf(routes));
    }

    private static String httpMethod(MethodInfo method) {
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            String simple = annotation.name().withoutPackagePrefix();
            if (annotation.name().packagePrefix() != null && annotation.name().packagePrefix().equals("jakarta.ws.rs")
                    && HTTP_METHODS.contains(simple)) {
                return simple;
            }
        }
        return null;
    }

    private static Param param(MethodParameterInfo parameter) {
        String type = parameter.type().name().toString();
        for (AnnotationInstance annotation : parameter.annotations()) {
            if (annotation.target() == null || !annotation.target().kind().equals(org.jboss.jandex.AnnotationTarget.Kind.METHOD_PARAMETER)) {
                continue;
            }
            String name = annotation.name().toString();
            AnnotationValue value = annotation.value();
            String given = value == null || value.asString().isEmpty() ? parameter.name() : value.asString();
            Source source = switch (name) {
                case "jakarta.ws.rs.PathParam", "org.jboss.resteasy.reactive.RestPath" -> Source.PATH;
                case "jakarta.ws.rs.QueryParam", "org.jboss.resteasy.reactive.RestQuery" -> Source.QUERY;
                case "jakarta.ws.rs.FormParam", "org.jboss.resteasy.reactive.RestForm" -> Source.FORM;
                case "jakarta.ws.rs.HeaderParam", "org.jboss.resteasy.reactive.RestHeader" -> Source.HEADER;
                default -> null;
            };
            if (source != null) {
                return new Param(given, source, type);
            }
        }
        return null;
    }

    private static boolean isContext(MethodParameterInfo parameter) {
        String type = parameter.type().name().toString();
        return type.startsWith("jakarta.ws.rs.core.") && !type.equals("jakarta.ws.rs.core.MultivaluedMap")
                || type.startsWith("io.vertx.") || type.startsWith("org.jboss.resteasy.reactive.server.");
    }

    private static String consumes(ClassInfo type, MethodInfo method) {
        AnnotationInstance consumes = method.declaredAnnotation(CONSUMES);
        if (consumes == null) {
            consumes = type.declaredAnnotation(CONSUMES);
        }
        return consumes == null ? "application/json" : consumes.value().asStringArray()[0];
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
