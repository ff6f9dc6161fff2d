package org.comunidad.platform.content;

import static org.hamcrest.Matchers.startsWith;
import static org.comunidad.testsupport.Persona.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.comunidad.community.Community;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Who may read, create, reply, edit, hide, pin and close each kind of content, for
 * every persona: admin, coordinator of Security, leader of its victims-assistance
 * subgroup, a member of that subgroup (pf.peru), a member of Security outside the
 * subgroup (pf.colombia), a member of another group (Energy) and anonymous. Every
 * case works on content of its own, written by the persona the case needs.
 */
@QuarkusTest
class ConversationAccessMatrixTest {

    static final int KEYCLOAK = 302;
    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";


    /** A route: builds its fixture, then makes the request as the persona. */
    record Case(String name, Map<Persona, Integer> expected, Function<Persona, Response> call) {
    }

    static long groupId() {
        return id(GROUP);
    }

    static long subgroupId() {
        return id(SUBGROUP);
    }

    static long news(Persona author) {
        return Web.create(author, "/api/communities/" + groupId() + "/news",
                Map.of("title", "Reunión de puntos focales", "body", "Texto de la novedad"));
    }

    static long post(Persona author) {
        return Web.create(author, "/api/communities/" + subgroupId() + "/posts", Map.of("body", "Una publicación"));
    }

    static long comment(Persona author, long post) {
        return Web.create(author, "/api/communities/" + subgroupId() + "/posts/" + post + "/comments",
                Map.of("body", "Un comentario"));
    }

    static long discussion() {
        return Web.create(Persona.LEADER, "/api/communities/" + subgroupId() + "/discussions",
                Map.of("title", "Protocolo regional", "agendaTopic", "Punto 3 de la agenda", "opening", "Propongo..."));
    }

    static long reply(Persona author, long discussion) {
        return Web.create(author, "/api/communities/" + subgroupId() + "/discussions/" + discussion + "/replies",
                Map.of("body", "Mi aporte"));
    }

    static List<Case> cases() {
        Map<Persona, Integer> readPage = expect(200, 200, 200, 200, 200, 404, KEYCLOAK);
        Map<Persona, Integer> readApi = expect(200, 200, 200, 200, 200, 404, 401);
        Map<Persona, Integer> anyGroupMemberCreates = expect(201, 201, 201, 201, 201, 404, 401);
        Map<Persona, Integer> subgroupWriters = expect(201, 201, 201, 201, 403, 404, 401);
        Map<Persona, Integer> leaderOrCoordinatorApi = expect(201, 201, 201, 403, 403, 404, 401);
        Map<Persona, Integer> subgroupModeratorsForm = expect(303, 303, 303, 403, 403, 404, KEYCLOAK);
        Map<Persona, Integer> coordinatorForm = expect(303, 303, 403, 403, 403, 404, KEYCLOAK);
        Map<Persona, Integer> authorOnlyForm = expect(403, 403, 403, 303, 403, 404, KEYCLOAK);

        String g = "/c/" + GROUP;
        String s = "/c/" + SUBGROUP;
        List<Case> cases = new ArrayList<>();
        // Reading
        cases.add(new Case("GET feed", readPage, p -> p.request().get(g + "/feed")));
        cases.add(new Case("GET news", readPage, p -> p.request().get(g + "/news")));
        cases.add(new Case("GET news item", readPage, p -> {
            long id = news(Persona.MEMBER);
            return p.request().get(g + "/news/" + id);
        }));
        cases.add(new Case("GET posts", readPage, p -> p.request().get(s + "/posts")));
        cases.add(new Case("GET post", readPage, p -> {
            long id = post(Persona.MEMBER);
            return p.request().get(s + "/posts/" + id);
        }));
        cases.add(new Case("GET discussions", readPage, p -> p.request().get(s + "/discussions")));
        cases.add(new Case("GET discussion", readPage, p -> {
            long id = discussion();
            return p.request().get(s + "/discussions/" + id);
        }));
        cases.add(new Case("GET discussion form", expect(200, 200, 200, 403, 403, 404, KEYCLOAK),
                p -> p.request().get(s + "/discussions/new")));
        cases.add(new Case("API list news", readApi, p -> p.request().get("/api/communities/" + groupId() + "/news")));
        cases.add(new Case("API list posts", readApi, p -> p.request().get("/api/communities/" + subgroupId() + "/posts")));
        cases.add(new Case("API list discussions", readApi,
                p -> p.request().get("/api/communities/" + subgroupId() + "/discussions")));
        cases.add(new Case("API read discussion", readApi, p -> {
            long id = discussion();
            return p.request().get("/api/communities/" + subgroupId() + "/discussions/" + id);
        }));

        // Creating and replying
        cases.add(new Case("API create news", anyGroupMemberCreates, p -> Web.postJson(p,
                "/api/communities/" + groupId() + "/news", Map.of("title", "Aviso", "body", "Texto"))));
        cases.add(new Case("API create post", subgroupWriters, p -> Web.postJson(p,
                "/api/communities/" + subgroupId() + "/posts", Map.of("body", "Hola a todos"))));
        cases.add(new Case("API comment", subgroupWriters, p -> {
            long id = post(Persona.MEMBER);
            return Web.postJson(p, "/api/communities/" + subgroupId() + "/posts/" + id + "/comments",
                    Map.of("body", "De acuerdo"));
        }));
        cases.add(new Case("API react", expect(200, 200, 200, 200, 403, 404, 401), p -> {
            long id = post(Persona.MEMBER);
            return Web.postJson(p, "/api/communities/" + subgroupId() + "/posts/" + id + "/reactions",
                    Map.of("kind", "LIKE"));
        }));
        cases.add(new Case("API open discussion", leaderOrCoordinatorApi, p -> Web.postJson(p,
                "/api/communities/" + subgroupId() + "/discussions",
                Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Planteamiento"))));
        cases.add(new Case("API reply", subgroupWriters, p -> {
            long id = discussion();
            return Web.postJson(p, "/api/communities/" + subgroupId() + "/discussions/" + id + "/replies",
                    Map.of("body", "Aporte"));
        }));
        cases.add(new Case("form open discussion", subgroupModeratorsForm, p -> Web.form(p, s + "/discussions",
                Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Planteamiento"))));
        cases.add(new Case("form create post", expect(303, 303, 303, 303, 403, 404, KEYCLOAK),
                p -> Web.form(p, s + "/posts", Map.of("body", "Desde el formulario"))));

        // Editing: only the author (pf.peru wrote these)
        cases.add(new Case("form edit post", authorOnlyForm, p -> {
            long id = post(Persona.MEMBER);
            return Web.form(p, s + "/posts/" + id + "/edit", Map.of("body", "Corregido"));
        }));
        cases.add(new Case("form edit comment", authorOnlyForm, p -> {
            long id = post(Persona.LEADER);
            long c = comment(Persona.MEMBER, id);
            return Web.form(p, s + "/posts/" + id + "/comments/" + c + "/edit", Map.of("body", "Corregido"));
        }));
        cases.add(new Case("form edit news", authorOnlyForm, p -> {
            long id = news(Persona.MEMBER);
            return Web.form(p, g + "/news/" + id + "/edit", Map.of("title", "Nuevo título", "body", "Texto"));
        }));
        cases.add(new Case("form edit reply", authorOnlyForm, p -> {
            long d = discussion();
            long r = reply(Persona.MEMBER, d);
            return Web.form(p, s + "/discussions/" + d + "/replies/" + r + "/edit", Map.of("body", "Corregido"));
        }));
        cases.add(new Case("form delete post", authorOnlyForm, p -> {
            long id = post(Persona.MEMBER);
            return Web.form(p, s + "/posts/" + id + "/delete", Map.of());
        }));

        // Moderation: the subgroup's leader and the group's coordinator (news: the coordinator)
        cases.add(new Case("form hide post", subgroupModeratorsForm, p -> {
            long id = post(Persona.MEMBER);
            return Web.form(p, s + "/posts/" + id + "/hide", Map.of("reason", "Fuera de tema"));
        }));
        cases.add(new Case("form hide comment", subgroupModeratorsForm, p -> {
            long id = post(Persona.LEADER);
            long c = comment(Persona.MEMBER, id);
            return Web.form(p, s + "/posts/" + id + "/comments/" + c + "/hide", Map.of("reason", "Fuera de tema"));
        }));
        cases.add(new Case("form hide reply", subgroupModeratorsForm, p -> {
            long d = discussion();
            long r = reply(Persona.MEMBER, d);
            return Web.form(p, s + "/discussions/" + d + "/replies/" + r + "/hide", Map.of("reason", "Fuera de tema"));
        }));
        cases.add(new Case("form hide news", coordinatorForm, p -> {
            long id = news(Persona.MEMBER);
            return Web.form(p, g + "/news/" + id + "/hide", Map.of("reason", "Duplicada"));
        }));
        cases.add(new Case("form pin news", coordinatorForm, p -> {
            long id = news(Persona.MEMBER);
            return Web.form(p, g + "/news/" + id + "/pin", Map.of("pinned", "true"));
        }));
        cases.add(new Case("form pin discussion", subgroupModeratorsForm, p -> {
            long d = discussion();
            return Web.form(p, s + "/discussions/" + d + "/pin", Map.of("pinned", "true"));
        }));
        cases.add(new Case("form close discussion", subgroupModeratorsForm, p -> {
            long d = discussion();
            return Web.form(p, s + "/discussions/" + d + "/close", Map.of("conclusion", "Se acuerda el protocolo."));
        }));
        cases.add(new Case("form reopen discussion", subgroupModeratorsForm, p -> {
            long d = discussion();
            Web.form(Persona.LEADER, s + "/discussions/" + d + "/close", Map.of("conclusion", "Cerrado."))
                    .then().statusCode(303);
            return Web.form(p, s + "/discussions/" + d + "/reopen", Map.of());
        }));
        return cases;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        for (Case c : cases()) {
            for (Persona persona : Persona.values()) {
                args.add(Arguments.of(c.name(), persona, c, c.expected().get(persona)));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void answersAsExpected(String name, Persona persona, Case c, int expected) {
        Response response = c.call().apply(persona);
        assertEquals(expected, response.statusCode(), () -> name + " as " + persona + ": " + abbreviate(response.body().asString()));
        if (expected == KEYCLOAK) {
            response.then().header("Location",
                    startsWith(ComunidadTestResource.services().keycloak().issuer() + "/protocol/openid-connect/auth"));
        }
    }

    static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }

    static long id(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Community.bySlug(slug).orElseThrow().id);
    }
}
