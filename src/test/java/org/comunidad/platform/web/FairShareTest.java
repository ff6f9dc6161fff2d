package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.comunidad.community.Community;
import org.comunidad.member.Member;
import org.comunidad.post.Post;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.TestFiles;
import org.comunidad.testsupport.Uploads;
import org.comunidad.testsupport.Web;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Fair share under load (issue 12, point 11): one member's burst of pages cannot take every
 * place, and posting, uploads and search have a budget per member. Past it the member gets 429
 * with Retry-After and a message in their language; everyone else goes on as before. The
 * suite's own limits are out of reach (application.properties, %test): these tests set small
 * ones for their duration.
 */
@QuarkusTest
class FairShareTest {

    static final String SUBGROUP = "seguridad-asistencia-victimas";

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    PageAdmission admission;

    @Inject
    RateLimits rateLimits;

    private static HttpRequest.Builder get(String path, Persona persona) {
        return HttpRequest.newBuilder(URI.create(Uploads.base() + path)).timeout(Duration.ofSeconds(40))
                .header("Accept-Language", "es").header("Authorization", "Bearer " + persona.token()).GET();
    }

    @Test
    void twentySlowPagesOfOneMemberLeaveRoomForEveryoneElse() throws Exception {
        int share = Math.max(1, admission.limit() / 2);
        assertTrue(admission.limit() > share, "places to spare: " + admission.limit());
        int configured = admission.perMember();
        Persona.MEMBER.token();
        Persona.GROUP_MEMBER.token();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        HeldPages.close();
        admission.perMember(share);
        try {
            for (int i = 0; i < 20; i++) {
                burst.add(CLIENT.sendAsync(get("/c/seguridad/feed", Persona.MEMBER).header(HeldPages.HEADER, "yes").build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // The member's pages that got in are held (slow); with the fix the rest are answered at once.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until
                    && (HeldPages.held() < share || burst.stream().filter(CompletableFuture::isDone).count() < 20 - share)) {
                Thread.sleep(20);
            }

            HttpResponse<String> other = CLIENT.send(get("/c/seguridad/feed", Persona.GROUP_MEMBER).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, other.statusCode(), "another member gets their page while the burst is held");
            assertTrue(other.body().contains("<main"));

            List<HttpResponse<String>> refused = burst.stream().filter(CompletableFuture::isDone)
                    .map(CompletableFuture::join).filter(r -> r.statusCode() == 429).toList();
            assertEquals(20 - share, refused.size(), "the member's pages beyond their share are refused at once");
            for (HttpResponse<String> page : refused) {
                assertTrue(page.headers().firstValue("Retry-After").isPresent());
                assertTrue(page.body().contains("Ya tiene varias páginas abriéndose a la vez"), page.body());
            }
            assertEquals(share, HeldPages.held(), "only the member's share of places was taken");
        } finally {
            HeldPages.open();
            admission.perMember(configured);
        }
        for (CompletableFuture<HttpResponse<String>> page : burst) {
            int status = page.get(40, TimeUnit.SECONDS).statusCode();
            assertTrue(status == 200 || status == 429, "held pages render once let go: " + status);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((admission.available() != admission.limit() || admission.membersInFlight() > 0) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(admission.limit(), admission.available(), "every place was given back");
        assertEquals(0, admission.membersInFlight(), "and every member's count");
    }

    @Test
    void postingPastTheBudgetIsRefusedInTheMembersLanguageAndOthersPostOn() throws Exception {
        String previous = language(Persona.LEADER, "pt");
        rateLimits.use(RateLimited.Kind.POSTING, 3, Duration.ofHours(1));
        try {
            String posts = "/c/" + SUBGROUP + "/posts";
            for (int i = 1; i <= 3; i++) {
                assertEquals(303, Web.form(Persona.LEADER, posts, Map.of("body", "Límite de publicación " + i)).statusCode());
            }
            Response refused = Web.form(Persona.LEADER, posts, Map.of("body", "Límite de publicación 4"));
            assertEquals(429, refused.statusCode());
            assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
            assertTrue(refused.body().asString().contains("Você publicou muitos textos em pouco tempo"),
                    refused.body().asString());
            assertEquals(0, stored("Límite de publicación 4"), "nothing was stored");

            Response api = Web.postJson(Persona.LEADER, "/api/communities/" + id(SUBGROUP) + "/posts",
                    Map.of("body", "Límite de publicación 5"));
            assertEquals(429, api.statusCode());
            assertTrue(api.header("Content-Type").startsWith("application/json"));
            assertEquals("POSTING", api.jsonPath().getString("limit"));
            assertTrue(api.jsonPath().getString("message").startsWith("Você publicou"), api.body().asString());
            assertTrue(Long.parseLong(api.header("Retry-After")) > 0);

            assertEquals(303, Web.form(Persona.MEMBER, posts, Map.of("body", "Otro miembro publica")).statusCode(),
                    "another member is not affected");
        } finally {
            rateLimits.reset();
            language(Persona.LEADER, previous);
        }
    }

    @Test
    void searchPastTheBudgetIsRefusedAndOthersSearchOn() throws Exception {
        String previous = language(Persona.GROUP_MEMBER, "en");
        rateLimits.use(RateLimited.Kind.SEARCH, 3, Duration.ofHours(1));
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Persona.GROUP_MEMBER.request().get("/search?q=protocolo").statusCode());
            }
            for (String path : List.of("/search?q=protocolo", "/documents?q=protocolo")) {
                Response refused = Persona.GROUP_MEMBER.request().get(path);
                assertEquals(429, refused.statusCode(), path);
                assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
                assertTrue(refused.body().asString().contains("You searched many times in a short time"));
            }
            assertEquals(200, Persona.COORDINATOR.request().get("/search?q=protocolo").statusCode(),
                    "another member is not affected");
        } finally {
            rateLimits.reset();
            language(Persona.GROUP_MEMBER, previous);
        }
    }

    @Test
    void uploadsPastTheBudgetAreRefusedAndOthersUploadOn() throws Exception {
        rateLimits.use(RateLimited.Kind.UPLOADS, 2, Duration.ofHours(1));
        try {
            String documents = "/c/seguridad/documents/upload";
            for (int i = 1; i <= 2; i++) {
                assertEquals(201, Uploads.upload(Persona.COORDINATOR, documents, "limite-" + i + ".pdf",
                        TestFiles.pdf("Límite " + i), Uploads.report("Límite de subidas " + i)).statusCode());
            }
            Response refused = Uploads.upload(Persona.COORDINATOR, documents, "limite-3.pdf", TestFiles.pdf("Límite 3"),
                    Uploads.report("Límite de subidas 3"));
            assertEquals(429, refused.statusCode());
            assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
            assertEquals("UPLOADS", refused.jsonPath().getString("limit"), "the page's script reads JSON");
            assertTrue(refused.jsonPath().getString("message").startsWith("Subió muchos archivos"));

            assertEquals(201, Uploads.upload(Persona.ADMIN, documents, "otro.pdf", TestFiles.pdf("Otro"),
                    Uploads.report("Otra persona sube")).statusCode(), "another member is not affected");
        } finally {
            rateLimits.reset();
        }
    }

    static long id(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Community.bySlug(slug).orElseThrow().id);
    }

    static long stored(String body) {
        return QuarkusTransaction.requiringNew().call(() -> Post.count("body", body));
    }

    static String language(Persona persona, String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = Member.find("username", persona.username).<Member>firstResultOptional().orElseThrow();
            String previous = member.language;
            member.language = language;
            return previous;
        });
    }
}
