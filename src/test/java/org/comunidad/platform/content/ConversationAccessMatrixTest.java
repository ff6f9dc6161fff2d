package org.comunidad.platform.content;

import static org.comunidad.testsupport.AccessMatrix.SIGN_IN;
import static org.comunidad.testsupport.Persona.expect;

import java.util.Map;
import java.util.function.Supplier;

import org.comunidad.testsupport.AccessMatrix;
import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Web;
import org.comunidad.testsupport.WithAccessMatrix;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may read, create, reply, edit, hide, pin and close each kind of content, for
 * every persona: admin, coordinator of Security, leader of its victims-assistance
 * subgroup, a member of that subgroup (pf.peru), a member of Security outside the
 * subgroup (pf.colombia), a member of another group (Energy) and anonymous. Every
 * case works on content of its own, written by the persona the case needs.
 */
@QuarkusTest
class ConversationAccessMatrixTest extends WithAccessMatrix {

    static final String GROUP = "seguridad";
    static final String SUBGROUP = "seguridad-asistencia-victimas";

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

    static AccessMatrix matrix() {
        Map<Persona, Integer> readPage = expect(200, 200, 200, 200, 200, 404, SIGN_IN);
        Map<Persona, Integer> readApi = expect(200, 200, 200, 200, 200, 404, 401);
        Map<Persona, Integer> anyGroupMemberCreates = expect(201, 201, 201, 201, 201, 404, 401);
        Map<Persona, Integer> subgroupWriters = expect(201, 201, 201, 201, 403, 404, 401);
        Map<Persona, Integer> leaderOrCoordinatorApi = expect(201, 201, 201, 403, 403, 404, 401);
        Map<Persona, Integer> subgroupModeratorsForm = expect(303, 303, 303, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> coordinatorForm = expect(303, 303, 403, 403, 403, 404, SIGN_IN);
        Map<Persona, Integer> authorOnlyForm = expect(403, 403, 403, 303, 403, 404, SIGN_IN);

        String g = "/c/" + GROUP;
        String s = "/c/" + SUBGROUP;
        String apiG = "/api/communities/{group}";
        String apiS = "/api/communities/{subgroup}";
        return AccessMatrix.of("conversation")
                .bind("group", ConversationAccessMatrixTest::groupId)
                .bind("subgroup", ConversationAccessMatrixTest::subgroupId)
                // Reading
                .get(g + "/feed").expect(readPage)
                .get(g + "/news").expect(readPage)
                .get(g + "/news/{news}").given("news", () -> news(Persona.MEMBER)).expect(readPage)
                .get(s + "/posts").expect(readPage)
                .get(s + "/posts/{post}").given("post", () -> post(Persona.MEMBER)).expect(readPage)
                .get(s + "/discussions").expect(readPage)
                .get(s + "/discussions/{discussion}").given("discussion", ConversationAccessMatrixTest::discussion)
                        .expect(readPage)
                // A link to one reply: to the page that holds it (readers only, like the page)
                .get(s + "/discussions/{discussion}/replies/{reply}").named("GET a reply (to its page)")
                        .given(ConversationAccessMatrixTest::membersReply).expect(303, 303, 303, 303, 303, 404, SIGN_IN)
                .get(s + "/discussions/new").named("GET discussion form").expect(200, 200, 200, 403, 403, 404, SIGN_IN)
                .get(apiG + "/news").expect(readApi)
                .get(apiS + "/posts").expect(readApi)
                .get(apiS + "/discussions").expect(readApi)
                .get(apiS + "/discussions/{discussion}").given("discussion", ConversationAccessMatrixTest::discussion)
                        .expect(readApi)

                // Creating and replying
                .json(apiG + "/news", Map.of("title", "Aviso", "body", "Texto")).expect(anyGroupMemberCreates)
                .json(apiS + "/posts", Map.of("body", "Hola a todos")).expect(subgroupWriters)
                .json(apiS + "/posts/{post}/comments", Map.of("body", "De acuerdo"))
                        .given("post", () -> post(Persona.MEMBER)).expect(subgroupWriters)
                .json(apiS + "/posts/{post}/reactions", Map.of("kind", "LIKE"))
                        .given("post", () -> post(Persona.MEMBER)).expect(200, 200, 200, 200, 403, 404, 401)
                .json(apiS + "/discussions", Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Planteamiento"))
                        .expect(leaderOrCoordinatorApi)
                .json(apiS + "/discussions/{discussion}/replies", Map.of("body", "Aporte"))
                        .given("discussion", ConversationAccessMatrixTest::discussion).expect(subgroupWriters)
                .form(s + "/discussions", Map.of("title", "Tema", "agendaTopic", "Agenda", "opening", "Planteamiento"))
                        .expect(subgroupModeratorsForm)
                .form(s + "/posts", Map.of("body", "Desde el formulario")).expect(303, 303, 303, 303, 403, 404, SIGN_IN)

                // Editing: only the author (pf.peru wrote these)
                .form(s + "/posts/{post}/edit", Map.of("body", "Corregido"))
                        .given("post", () -> post(Persona.MEMBER)).expect(authorOnlyForm)
                .form(s + "/posts/{post}/comments/{comment}/edit", Map.of("body", "Corregido"))
                        .given(ConversationAccessMatrixTest::commentOnLeadersPost).expect(authorOnlyForm)
                .form(g + "/news/{news}/edit", Map.of("title", "Nuevo título", "body", "Texto"))
                        .given("news", () -> news(Persona.MEMBER)).expect(authorOnlyForm)
                .form(s + "/discussions/{discussion}/replies/{reply}/edit", Map.of("body", "Corregido"))
                        .given(ConversationAccessMatrixTest::membersReply).expect(authorOnlyForm)
                .form(s + "/posts/{post}/delete", Map.of())
                        .given("post", () -> post(Persona.MEMBER)).expect(authorOnlyForm)

                // Moderation: the subgroup's leader and the group's coordinator (news: the coordinator)
                .form(s + "/posts/{post}/hide", Map.of("reason", "Fuera de tema"))
                        .given("post", () -> post(Persona.MEMBER)).expect(subgroupModeratorsForm)
                .form(s + "/posts/{post}/comments/{comment}/hide", Map.of("reason", "Fuera de tema"))
                        .given(ConversationAccessMatrixTest::commentOnLeadersPost).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/replies/{reply}/hide", Map.of("reason", "Fuera de tema"))
                        .given(ConversationAccessMatrixTest::membersReply).expect(subgroupModeratorsForm)
                .form(g + "/news/{news}/hide", Map.of("reason", "Duplicada"))
                        .given("news", () -> news(Persona.MEMBER)).expect(coordinatorForm)
                .form(g + "/news/{news}/pin", Map.of("pinned", "true"))
                        .given("news", () -> news(Persona.MEMBER)).expect(coordinatorForm)
                .form(s + "/discussions/{discussion}/pin", Map.of("pinned", "true"))
                        .given("discussion", ConversationAccessMatrixTest::discussion).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/close", Map.of("conclusion", "Se acuerda el protocolo."))
                        .given("discussion", ConversationAccessMatrixTest::discussion).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/reopen", Map.of())
                        .given("discussion", () -> {
                            long d = discussion();
                            Web.form(Persona.LEADER, s + "/discussions/" + d + "/close", Map.of("conclusion", "Cerrado."))
                                    .then().statusCode(303);
                            return d;
                        }).expect(subgroupModeratorsForm)

                // Added when RouteCoverageTest found these routes in no matrix (answers as the app gave them)
                .get(apiG + "/news/{news}").given("news", () -> news(Persona.MEMBER)).expect(readApi)
                .get(apiS + "/posts/{post}").given("post", () -> post(Persona.MEMBER)).expect(readApi)
                .request("POST", g + "/news", (p, url) -> Web.multipart(p, url,
                        Map.of("title", "Aviso", "body", "Desde el formulario"))).named("POST news form")
                        .expect(303, 303, 303, 303, 303, 404, SIGN_IN)
                .get(g + "/news/{news}/image").named("GET news image (none)").given("news", () -> news(Persona.MEMBER))
                        .expect(404, 404, 404, 404, 404, 404, SIGN_IN)
                .form(g + "/news/{news}/delete", Map.of()).given("news", () -> news(Persona.MEMBER))
                        .expect(authorOnlyForm)
                .form(g + "/news/{news}/unhide", Map.of()).given(hidden(Persona.COORDINATOR, g + "/news/{news}",
                        () -> Map.of("news", news(Persona.MEMBER))))
                        .expect(coordinatorForm)
                .form(s + "/posts/{post}/comments", Map.of("body", "Comentario desde el formulario"))
                        .given("post", () -> post(Persona.MEMBER)).expect(303, 303, 303, 303, 403, 404, SIGN_IN)
                .form(s + "/posts/{post}/react", Map.of("kind", "LIKE"))
                        .given("post", () -> post(Persona.MEMBER)).expect(303, 303, 303, 303, 403, 404, SIGN_IN)
                .form(s + "/posts/{post}/unhide", Map.of()).given(hidden(Persona.LEADER, s + "/posts/{post}",
                        () -> Map.of("post", post(Persona.MEMBER))))
                        .expect(subgroupModeratorsForm)
                .form(s + "/posts/{post}/comments/{comment}/delete", Map.of())
                        .given(ConversationAccessMatrixTest::commentOnLeadersPost).expect(authorOnlyForm)
                .form(s + "/posts/{post}/comments/{comment}/unhide", Map.of())
                        .given(hidden(Persona.LEADER,
                        s + "/posts/{post}/comments/{comment}", ConversationAccessMatrixTest::commentOnLeadersPost)).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/replies", Map.of("body", "Aporte desde el formulario"))
                        .given("discussion", ConversationAccessMatrixTest::discussion)
                        .expect(303, 303, 303, 303, 403, 404, SIGN_IN)
                .form(s + "/discussions/{discussion}/edit", Map.of("title", "Tema corregido", "agendaTopic", "Agenda",
                        "opening", "Planteamiento", "deadline", "")).given("discussion", ConversationAccessMatrixTest::discussion)
                        .expect(403, 403, 303, 403, 403, 404, SIGN_IN)
                .form(s + "/discussions/{discussion}/delete", Map.of())
                        .given("discussion", ConversationAccessMatrixTest::discussion)
                        .expect(403, 403, 303, 403, 403, 404, SIGN_IN)
                .form(s + "/discussions/{discussion}/hide", Map.of("reason", "Fuera de tema"))
                        .given("discussion", ConversationAccessMatrixTest::discussion).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/unhide", Map.of())
                        .given(hidden(Persona.COORDINATOR,
                        s + "/discussions/{discussion}", () -> Map.of("discussion", discussion()))).expect(subgroupModeratorsForm)
                .form(s + "/discussions/{discussion}/replies/{reply}/delete", Map.of())
                        .given(ConversationAccessMatrixTest::membersReply).expect(authorOnlyForm)
                .form(s + "/discussions/{discussion}/replies/{reply}/unhide", Map.of())
                        .given(hidden(Persona.LEADER,
                        s + "/discussions/{discussion}/replies/{reply}", ConversationAccessMatrixTest::membersReply)).expect(subgroupModeratorsForm);
    }

    /** Content made by the fixture, then hidden by a moderator; {@code path} is its address, with placeholders. */
    static Supplier<Map<String, ?>> hidden(Persona moderator, String path, Supplier<Map<String, ?>> content) {
        return () -> {
            Map<String, ?> ids = content.get();
            hide(moderator, AccessMatrix.fill(path, ids));
            return ids;
        };
    }

    static void hide(Persona moderator, String path) {
        Web.form(moderator, path + "/hide", Map.of("reason", "Fuera de tema")).then().statusCode(303);
    }

    /** pf.peru's comment on a post of the subgroup's leader. */
    static Map<String, ?> commentOnLeadersPost() {
        long post = post(Persona.LEADER);
        return Map.of("post", post, "comment", comment(Persona.MEMBER, post));
    }

    /** pf.peru's reply in a new discussion. */
    static Map<String, ?> membersReply() {
        long discussion = discussion();
        return Map.of("discussion", discussion, "reply", reply(Persona.MEMBER, discussion));
    }

    static long id(String slug) {
        return Db.community(slug);
    }
}
