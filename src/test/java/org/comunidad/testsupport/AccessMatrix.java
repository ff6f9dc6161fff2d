package org.comunidad.testsupport;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.provider.Arguments;

import io.restassured.response.Response;

/**
 * An access matrix: routes down, personas across, the expected HTTP status in each cell. A test
 * class extends {@link WithAccessMatrix} and declares its table in a static no-argument method
 * {@code matrix()}; every route as every persona is one case of a parameterized test:
 *
 * <pre>{@code
 * @QuarkusTest
 * class NewsAccessTest extends WithAccessMatrix {
 *
 *     static AccessMatrix matrix() {
 *         return AccessMatrix.of("news")
 *                 .bind("group", () -> Db.community("seguridad"))
 *                 .get("/c/seguridad/news").expect(200, 200, 200, 200, 200, 404, SIGN_IN)
 *                 .get("/c/seguridad/news/{item}").given("item", () -> news(Persona.MEMBER))
 *                         .expect(200, 200, 200, 200, 200, 404, SIGN_IN)
 *                 .json("/api/communities/{group}/news", Map.of("title", "Aviso", "body", "Texto"))
 *                         .expect(201, 201, 201, 201, 201, 404, 401);
 *     }
 * }
 * }</pre>
 *
 * The columns of {@code expect} are the {@link Persona}s in order: admin, coordinator, leader,
 * subgroup member, group member outside the subgroup, member of another group, anonymous.
 * Paths and form values may hold {@code {name}} placeholders, filled for every case (every
 * persona) by the row's {@code given} fixtures, then by the matrix's {@code bind}ings: the table
 * itself stays pure (no database, no HTTP) so that {@code RouteCoverageTest} can build every
 * table without starting the application and check that every route of the application is in one.
 * An expected {@value #SIGN_IN} means "sent to the identity provider's sign-in page", and is checked so.
 */
public final class AccessMatrix implements Iterable<Arguments> {

    /** Pages send an anonymous visitor to Keycloak's sign-in page. */
    public static final int SIGN_IN = 302;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** How a row's request is sent, when a GET, a form or a JSON body is not enough. */
    @FunctionalInterface
    public interface Request {
        Response send(Persona persona, String path);
    }

    /** One route of the table with its fixtures and the status expected per persona. */
    public record Row(String name, String method, String path, Request request,
            List<Supplier<Map<String, ?>>> fixtures, List<Consumer<Map<String, Object>>> after,
            Map<Persona, Integer> expected) {

        /** The path template without its query: what must match a route of the application. */
        public String route() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    private final String title;
    private final Map<String, Supplier<?>> bindings = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private AccessMatrix(String title) {
        this.title = title;
    }

    /** A new table; the title names its cases in reports. */
    public static AccessMatrix of(String title) {
        return new AccessMatrix(title);
    }

    public String title() {
        return title;
    }

    /** A placeholder every row may use ({@code {group}} for a community's id...), computed for each case. */
    public AccessMatrix bind(String name, Supplier<?> value) {
        bindings.put(name, value);
        return this;
    }

    /** A GET as the persona. */
    public RowBuilder get(String path) {
        return new RowBuilder("GET", path, (p, url) -> p.request().get(url));
    }

    /** A form posted as from a page of the app (CSRF cookie and field included); string values may hold placeholders. */
    public RowBuilder form(String path, Map<String, ?> fields) {
        return new RowBuilder("POST", path, null).fields(fields);
    }

    /** A JSON body posted to the API. */
    public RowBuilder json(String path, Object body) {
        return new RowBuilder("POST", path, (p, url) -> Web.postJson(p, url, body));
    }

    /** Any other request (an upload, a header...): the method is declared for the route coverage. */
    public RowBuilder request(String method, String path, Request request) {
        return new RowBuilder(method, path, request);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The number of cases: rows times personas. */
    public int size() {
        return rows.size() * Persona.values().length;
    }

    @Override
    public Iterator<Arguments> iterator() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : rows) {
            for (Persona persona : Persona.values()) {
                cases.add(Arguments.of(new Case(this, row, persona, row.expected().get(persona))));
            }
        }
        return cases.iterator();
    }

    /** Builds one row; {@link #expect} adds it to the table and returns the table for the next row. */
    public final class RowBuilder {
        private final String method;
        private final String path;
        private Request request;
        private String name;
        private Map<String, ?> fields;
        private final List<Supplier<Map<String, ?>>> fixtures = new ArrayList<>();
        private final List<Consumer<Map<String, Object>>> after = new ArrayList<>();

        private RowBuilder(String method, String path, Request request) {
            this.method = method;
            this.path = path;
            this.request = request;
        }

        private RowBuilder fields(Map<String, ?> fields) {
            this.fields = fields;
            return this;
        }

        /** A readable name for the row (default: method and path). */
        public RowBuilder named(String name) {
            this.name = name;
            return this;
        }

        /** A fixture for a placeholder, made afresh for every persona before the request. */
        public RowBuilder given(String placeholder, Supplier<?> value) {
            fixtures.add(() -> Map.of(placeholder, value.get()));
            return this;
        }

        /** Fixtures that depend on each other (a comment on a new post): one supplier, several placeholders. */
        public RowBuilder given(Supplier<Map<String, ?>> values) {
            fixtures.add(values);
            return this;
        }

        /** Work before the request (putting the data in the state the row needs). */
        public RowBuilder before(Runnable work) {
            fixtures.add(() -> {
                work.run();
                return Map.of();
            });
            return this;
        }

        /** Clean-up after the request, whatever its answer; receives the fixtures' values. */
        public RowBuilder after(Consumer<Map<String, Object>> work) {
            after.add(work);
            return this;
        }

        /** Sends the request another way (headers, multipart...), same method and path. */
        public RowBuilder send(Request request) {
            this.request = request;
            return this;
        }

        public AccessMatrix expect(Map<Persona, Integer> expected) {
            if (!expected.keySet().containsAll(List.of(Persona.values()))) {
                throw new IllegalArgumentException(path + ": an expected status for every persona");
            }
            Map<String, ?> form = fields;
            Request send = request != null ? request : (p, url) -> Web.form(p, url, fill(form));
            rows.add(new Row(name == null ? method + " " + path : name, method, path, send, List.copyOf(fixtures),
                    List.copyOf(after), Map.copyOf(expected)));
            return AccessMatrix.this;
        }

        /** The expected statuses in the order of {@link Persona}. */
        public AccessMatrix expect(int admin, int coordinator, int leader, int member, int groupMember, int otherGroup,
                int anonymous) {
            return expect(Persona.expect(admin, coordinator, leader, member, groupMember, otherGroup, anonymous));
        }

        private Map<String, Object> fill(Map<String, ?> form) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Object> current = CURRENT.get();
            form.forEach((k, v) -> values.put(k, v instanceof String s ? substitute(s, current) : v));
            return values;
        }
    }

    /** The placeholder values of the case being run (form fields are filled from them). */
    private static final ThreadLocal<Map<String, Object>> CURRENT = ThreadLocal.withInitial(Map::of);

    /** One cell: a row as one persona. */
    public record Case(AccessMatrix matrix, Row row, Persona persona, int expected) {

        /** Makes the fixtures, sends the request as the persona and checks the answer. */
        public void check() {
            Map<String, Object> values = new LinkedHashMap<>();
            try {
                for (Supplier<Map<String, ?>> fixture : row.fixtures()) {
                    values.putAll(fixture.get());
                }
                matrix.bindings.forEach((name, value) -> values.computeIfAbsent(name, n -> value.get()));
                String url = substitute(row.path(), values);
                CURRENT.set(values);
                Response response;
                try {
                    response = row.request().send(persona, url);
                } finally {
                    CURRENT.remove();
                }
                assertEquals(expected, response.statusCode(),
                        () -> this + " (" + url + "): " + abbreviate(response.body().asString()));
                if (expected == SIGN_IN) {
                    response.then().header("Location", startsWith(
                            ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/auth"));
                }
            } finally {
                row.after().forEach(work -> work.accept(values));
            }
        }

        @Override
        public String toString() {
            return matrix.title() + ": " + row.name() + " as " + persona + " -> " + expected;
        }
    }

    /** A path or value with its {@code {name}} placeholders filled (for fixtures that build addresses). */
    public static String fill(String template, Map<String, ?> values) {
        return substitute(template, new LinkedHashMap<>(values));
    }

    static String substitute(String text, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
