package org.comunidad.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.comunidad.testsupport.Db;
import org.comunidad.testsupport.Persona;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the group's feed shows (read as rows, news and posts in one statement): news and posts
 * merged newest first, with their authors, countries and comment counts; hidden entries only to
 * those who may see them (news: its author and the group's moderators; posts: its author, the
 * group's coordinator and the leaders of its subgroup); deleted ones to nobody; and the next
 * page continues where the first ended.
 */
@QuarkusTest
class FeedContentTest {

    static final String FEED = "/c/seguridad/feed";
    static final String MARK = "feed-content-test";

    private long newsShown;
    private long newsHidden;
    private long postShown;
    private long postHidden;
    private long postDeleted;

    @BeforeEach
    void seed() {
        long group = Db.community("seguridad");
        long subgroup = Db.community("seguridad-asistencia-victimas");
        long peru = Db.member("pf.peru");
        long colombia = Db.member("pf.colombia");
        // Ahead of everything the demo holds, so that they open the first page, in this order.
        newsShown = Db.number("""
                insert into news_item (community_id, author_id, title, body, link_url, created_at)
                values (?1, ?2, 'Novedad visible', 'Texto de la **novedad** %s', 'https://example.org/nota',
                        now() + interval '50 seconds') returning id""".formatted(MARK), group, colombia);
        postShown = Db.number("""
                insert into post (community_id, group_id, author_id, body, created_at, edited_at)
                values (?1, ?2, ?3, 'Publicación visible %s', now() + interval '40 seconds', now())
                returning id""".formatted(MARK), subgroup, group, peru);
        Db.update("""
                insert into post_comment (post_id, author_id, body, deleted_at, hidden_at, hidden_by, hidden_reason)
                values (?1, ?2, 'uno', null, null, null, null), (?1, ?2, 'dos', null, null, null, null),
                       (?1, ?2, 'borrado', now(), null, null, null), (?1, ?2, 'oculto', null, now(), ?2, 'spam')""",
                postShown, colombia);
        newsHidden = Db.number("""
                insert into news_item (community_id, author_id, title, body, created_at, hidden_at, hidden_by, hidden_reason)
                values (?1, ?2, 'Novedad oculta', 'Oculta %s', now() + interval '30 seconds', now(), ?2, 'motivo')
                returning id""".formatted(MARK), group, colombia);
        postHidden = Db.number("""
                insert into post (community_id, group_id, author_id, body, created_at, hidden_at, hidden_by, hidden_reason)
                values (?1, ?2, ?3, 'Publicación oculta %s', now() + interval '20 seconds', now(), ?3, 'motivo')
                returning id""".formatted(MARK), subgroup, group, peru);
        postDeleted = Db.number("""
                insert into post (community_id, group_id, author_id, body, created_at, deleted_at)
                values (?1, ?2, ?3, 'Publicación borrada %s', now() + interval '10 seconds', now())
                returning id""".formatted(MARK), subgroup, group, peru);
    }

    @AfterEach
    void clean() {
        Db.update("delete from post where body like '%" + MARK + "%'");
        Db.update("delete from news_item where body like '%" + MARK + "%'");
    }

    @Test
    void entriesAreMergedNewestFirstWithAuthorsAndCounts() {
        Document page = page(Persona.GROUP_MEMBER, FEED, "en");
        List<String> ids = entryIds(page);
        assertEquals(List.of("news-" + newsShown, "feed-post-" + postShown, "news-" + newsHidden),
                ids.subList(0, 3), "newest first, news and posts merged; the hidden news is its author's own");

        Element news = page.getElementById("news-" + newsShown);
        assertEquals("Novedad visible", news.selectFirst("h3").text());
        assertNotNull(news.selectFirst(".rich-text strong"), "the text's Markdown, rendered");
        assertEquals("https://example.org/nota", news.selectFirst(".news-link a").attr("href"));
        String lang = page.selectFirst("html").attr("lang");
        assertEquals("Colombia", news.selectFirst(".byline .country").text(), "the author's country");

        Element post = page.getElementById("feed-post-" + postShown).closest("article");
        assertTrue(post.selectFirst(".byline .author").text().length() > 0, "the author's name");
        assertEquals(lang.equals("es") ? "Perú" : "Peru", post.selectFirst(".byline .country").text(),
                "the country in the page's language (" + lang + ")");
        assertNotNull(post.selectFirst(".byline .edited"), "an edited post says so");
        assertEquals(switch (lang) {
            case "en" -> "2 comments";
            case "pt" -> "2 comentários";
            default -> "2 comentarios";
        }, post.selectFirst(".item-actions a").text(),
                "visible comments only: not the deleted one, not the hidden one");
        assertTrue(post.selectFirst(".feed-kind a").attr("href").startsWith("/c/seguridad-asistencia-victimas/posts"),
                "the post's subgroup, linked");
        assertFalse(page.html().contains("Publicación borrada"), "a deleted post is gone");
    }

    @Test
    void hiddenEntriesShowOnlyToThoseWhoMaySeeThem() {
        // The hidden news: its author (Colombia), the group's coordinator, the admin.
        // The hidden post: its author (Peru), the coordinator, the leader of its subgroup, the admin.
        check(Persona.GROUP_MEMBER, true, false);
        check(Persona.MEMBER, false, true);
        check(Persona.LEADER, false, true);
        check(Persona.COORDINATOR, true, true);
        check(Persona.ADMIN, true, true);
        Persona.OTHER_GROUP.request().get(FEED).then().statusCode(404);
    }

    @Test
    void theNextPageContinuesWhereTheFirstEnded() {
        Db.update("""
                insert into post (community_id, group_id, author_id, body, created_at)
                select ?1, ?2, ?3, 'Serie ' || i || ' %s', now() + make_interval(secs => 20 + i)
                from generate_series(1, 25) i""".formatted(MARK), Db.community("seguridad-asistencia-victimas"),
                Db.community("seguridad"), Db.member("pf.peru"));
        Document first = page(Persona.GROUP_MEMBER, FEED, "es");
        List<String> firstIds = entryIds(first);
        assertEquals(FeedService.PAGE_SIZE, firstIds.size(), "a full first page");
        Element next = first.selectFirst("a[rel=next]");
        assertNotNull(next, "the demo holds more than one page");
        Document second = page(Persona.GROUP_MEMBER, next.attr("href"), "es");
        List<String> secondIds = entryIds(second);
        assertTrue(secondIds.size() >= 5, "the second page has the rest of the series and what follows");
        Set<String> both = new HashSet<>(firstIds);
        both.retainAll(secondIds);
        assertEquals(Set.of(), both, "no entry on both pages");
        List<String> series = Db.call(em -> em.createNativeQuery("select 'feed-post-' || id from post where body like "
                + "'Serie % " + MARK + "' order by created_at desc").getResultList().stream().map(String::valueOf).toList());
        List<String> shown = new ArrayList<>(firstIds);
        shown.addAll(secondIds);
        assertEquals(series, shown.stream().filter(series::contains).toList(),
                "the 25 posts of the series, all of them, newest first across the two pages");
        assertNotNull(second.selectFirst("a[href='/c/seguridad/feed']"), "a way back to the newest");
    }

    private void check(Persona who, boolean seesHiddenNews, boolean seesHiddenPost) {
        Document page = page(who, FEED, "es");
        List<String> ids = entryIds(page);
        assertTrue(ids.contains("news-" + newsShown), who + " sees the visible news");
        assertTrue(ids.contains("feed-post-" + postShown), who + " sees the visible post");
        assertEquals(seesHiddenNews, ids.contains("news-" + newsHidden), who + ": the hidden news");
        assertEquals(seesHiddenPost, ids.contains("feed-post-" + postHidden), who + ": the hidden post");
        assertFalse(ids.contains("feed-post-" + postDeleted), who + ": the deleted post");
        if (seesHiddenPost) {
            Element hidden = page.getElementById("feed-post-" + postHidden).closest("article");
            assertTrue(hidden.hasClass("is-hidden"), "marked as hidden");
            assertNotNull(hidden.selectFirst(".notice.warning"), "with the notice and its reason");
        }
    }

    private static Document page(Persona who, String path, String language) {
        return Jsoup.parse(who.request().header("Accept-Language", language).get(path).then().statusCode(200)
                .extract().asString());
    }

    /** The entries in the order shown: news-{id} and feed-post-{id}. */
    private static List<String> entryIds(Document page) {
        List<String> ids = new ArrayList<>();
        for (Element entry : page.select("section.feed > article")) {
            String id = entry.id();
            if (id.isEmpty()) {
                Element kind = entry.selectFirst(".feed-kind[id]");
                id = kind == null ? "" : kind.id();
            }
            ids.add(id);
        }
        return ids;
    }
}
