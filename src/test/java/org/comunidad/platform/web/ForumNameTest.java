package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The forum's name in the header of the main layout and of the plain one (error pages) is the configured one. */
@QuarkusTest
class ForumNameTest {

    private static String configured() {
        return ConfigProvider.getConfig().getValue("comunidad.site.forum-name", String.class);
    }

    @Test
    void theMainLayoutShowsTheConfiguredForum() {
        Document home = Jsoup.parse(RestAssured.get("/").asString());
        assertEquals(configured(), home.selectFirst("header .brand-forum").text());
    }

    @Test
    void thePlainLayoutShowsItTooWithoutTheDatabase() {
        // An address that matches no route is answered on the I/O thread with the plain layout.
        var response = RestAssured.get("/no-such-page-anywhere/at-all");
        assertEquals(404, response.statusCode());
        assertEquals(configured(), Jsoup.parse(response.asString()).selectFirst("header .brand-forum").text());
    }
}
