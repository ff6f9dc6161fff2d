package org.comunidad.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Members' Markdown: formatting, links, images, escaped HTML, mentions, video embeds and excerpts. */
class RichTextTest {

    private final RichText richText = new RichText(List.of(org.comunidad.news.NewsImageRoute.PATTERN));

    private String render(String markdown) {
        String html = richText.render(markdown).getValue();
        assertEquals(List.of(), XssCorpusTest.problems(html), "unsafe output for " + markdown + ": " + html);
        return html;
    }

    private String render(String markdown, Set<String> known) {
        String html = richText.render(markdown, known).getValue();
        assertEquals(List.of(), XssCorpusTest.problems(html), "unsafe output for " + markdown + ": " + html);
        return html;
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected\n  " + expected + "\nin\n  " + actual);
    }

    private static void assertNotContains(String unexpected, String actual) {
        assertFalse(actual.contains(unexpected), () -> "did not expect\n  " + unexpected + "\nin\n  " + actual);
    }

    // --- Markdown ---

    @Test
    void emphasis() {
        String html = render("*uno* **dos** _tres_ __cuatro__");
        assertContains("<em>uno</em>", html);
        assertContains("<strong>dos</strong>", html);
        assertContains("<em>tres</em>", html);
        assertContains("<strong>cuatro</strong>", html);
    }

    @Test
    void lists() {
        String bullets = render("- uno\n- dos\n");
        assertContains("<ul>", bullets);
        assertContains("<li>uno</li>", bullets);
        assertContains("<li>dos</li>", bullets);

        String numbered = render("3. tres\n4. cuatro\n");
        assertContains("<ol start=\"3\">", numbered);
        assertContains("<li>tres</li>", numbered);
        assertContains("<li>cuatro</li>", numbered);
    }

    @Test
    void aGfmTable() {
        String html = render("| País | Estado |\n|:-----|:------:|\n| Perú | listo |\n");
        assertContains("<table>", html);
        assertContains("<thead>", html);
        assertContains("<tbody>", html);
        assertContains("<th align=\"left\">País</th>", html);
        assertContains("<th align=\"center\">Estado</th>", html);
        assertContains("<td align=\"left\">Perú</td>", html);
        assertContains("<td align=\"center\">listo</td>", html);
    }

    @Test
    void fencedCodeKeepsHtmlAsEscapedText() {
        String html = render("```\n<b>negrita</b>\n```\n");
        assertContains("<pre><code>", html);
        assertContains("&lt;b&gt;negrita&lt;/b&gt;", html);
        assertNotContains("<b>", html);
    }

    @Test
    void headingsStartAtH3() {
        assertContains("<h3>T</h3>", render("# T"));
        assertContains("<h4>T</h4>", render("## T"));
        assertContains("<h6>T</h6>", render("#### T"));
        assertContains("<h6>T</h6>", render("###### T"));
    }

    @Test
    void aNewlineInsideAParagraphIsALineBreak() {
        String html = render("primera línea\nsegunda línea");
        assertTrue(Pattern.compile("primera línea<br\\s*/?>\\s*segunda línea").matcher(html).find(), html);
        assertEquals(1, count("<p>", html), html);
    }

    @Test
    void externalLinksOpenInANewTabWithoutReferrer() {
        String html = render("[sitio](https://x.example/página)");
        Matcher a = Pattern.compile("<a ([^>]*)>sitio</a>").matcher(html);
        assertTrue(a.find(), html);
        String attributes = a.group(1);
        assertContains("href=\"https://x.example/", attributes);
        assertContains("target=\"_blank\"", attributes);
        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(attributes);
        assertTrue(rel.find(), html);
        List<String> rels = List.of(rel.group(1).split("\\s+"));
        assertTrue(rels.containsAll(List.of("nofollow", "noopener", "noreferrer")), html);
    }

    @Test
    void autolinkedUrlsAreExternalLinksToo() {
        String html = render("mira https://x.example/a");
        assertContains("href=\"https://x.example/a\"", html);
        assertContains("target=\"_blank\"", html);
        assertContains("noopener", html);
    }

    @Test
    void internalLinksStayInTheTab() {
        String html = render("[grupo](/c/seguridad)");
        assertContains("href=\"/c/seguridad\"", html);
        assertNotContains("target=", html);
    }

    @Test
    void aSameOriginImageStays() {
        String html = render("![a](/c/x/news/1/image)");
        assertContains("<img src=\"/c/x/news/1/image\" alt=\"a\"", html);
    }

    @ParameterizedTest
    @ValueSource(strings = { "![a](https://evil.example/x.png)", "![a](//evil.example/x.png)",
            "![a](/\\evil.example/x.png)", "![a](data:image/png;base64,iVBORw0KGgo=)" })
    void anImageFromElsewhereIsDropped(String markdown) {
        String html = render(markdown);
        assertNotContains("evil.example", html);
        assertNotContains("src=", html);
        assertNotContains("data:", html);
    }

    /**
     * An image makes every reader's browser request its URL with their cookies: only the app's own image
     * routes may be images. Sign-out, document files (which write a download to the audit log) and any
     * other path are shown as their alternative text, never requested.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/logout", "/logout?x=1", "/c/seguridad/documents/7/file",
            "/c/seguridad/documents/7/file?download=1", "/c/seguridad/news/1/image/../../../logout",
            "/c/seguridad/news/1/image?x=/logout", "/c/seguridad/news/1/image#x", "/c/seguridad/news/x/image",
            "/c/seguridad/news/1/image/", "/c/Seguridad/news/1/image", "/notifications/read-all", "/",
            "//evil.example/x.png", "/\\evil.example/x.png", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
            "http://localhost/c/seguridad/news/1/image", "/c/seguridad/news/1/image%2F..%2F..%2Flogout",
            "/c/seguridad/news/1/%69mage" })
    void onlyTheAppsImageRoutesMayBeImages(String url) {
        String html = render("antes ![foto del taller](" + url + ") después");
        assertNotContains("<img", html);
        assertNotContains("src=", html);
        assertContains("foto del taller", html);
    }

    @Test
    void aNewsImageStaysAnImage() {
        String html = render("![Taller en Lima](/c/seguridad-asistencia-victimas/news/42/image \"el taller\")");
        assertContains("<img src=\"/c/seguridad-asistencia-victimas/news/42/image\" alt=\"Taller en Lima\" title=\"el taller\"", html);
    }

    @Test
    void aLinkToSignOutStaysALinkNotAnImage() {
        // A link is only followed when the reader clicks it (and sign-out needs a POST with a token anyway).
        String html = render("[salir](/logout)");
        assertContains("href=\"/logout\"", html);
        assertNotContains("<img", html);
    }

    @Test
    void rawHtmlShowsAsEscapedText() {
        String html = render("hola <b>mundo</b> <script>alert(1)</script>");
        assertContains("&lt;b&gt;mundo&lt;/b&gt;", html);
        assertContains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        assertNotContains("<b>", html);
        assertNotContains("<script", html);

        String block = render("<div onclick=\"alert(1)\">\nx\n</div>");
        assertContains("&lt;div onclick&#61;&#34;alert(1)&#34;&gt;", block);
        assertNotContains("<div", block);
    }

    @Test
    void emptyAndNullRenderNothing() {
        assertEquals("", richText.render("").getValue());
        assertEquals("", richText.render(null).getValue());
    }

    // --- Mentions ---

    @Test
    void mentionsInOrderLowerCased() {
        assertEquals(List.of("pf.peru", "pf.brasil"), List.copyOf(richText.mentions("hola @pf.peru y @Pf.Brasil.")));
    }

    @Test
    void anEmailAddressIsNotAMention() {
        assertEquals(Set.of(), richText.mentions("escribe a ana@gob.pe"));
    }

    @Test
    void codeIsNotAMention() {
        assertEquals(Set.of(), richText.mentions("usa `@pf.peru` así"));
        assertEquals(Set.of(), richText.mentions("```\n@pf.peru\n```"));
    }

    @Test
    void aKnownMemberIsHighlighted() {
        String html = render("hola @pf.peru", Set.of("pf.peru"));
        assertContains("<span class=\"mention\">@pf.peru</span>", html.replace("&#64;", "@"));
    }

    @Test
    void aKnownMemberIsHighlightedWhateverTheCase() {
        String html = render("hola @PF.Peru.", Set.of("pf.peru")).replace("&#64;", "@");
        assertContains("<span class=\"mention\">@PF.Peru</span>.", html);
    }

    @Test
    void anUnknownNameStaysPlainText() {
        String html = render("hola @nadie y @pf.peru", Set.of("pf.peru")).replace("&#64;", "@");
        assertContains("hola @nadie y ", html);
        assertEquals(1, count("<span", html), html);
        assertNotContains("<span class=\"mention\">@nadie", html);
    }

    @Test
    void withoutKnownNamesNothingIsHighlighted() {
        assertNotContains("<span", render("hola @pf.peru"));
    }

    @Test
    void aMentionInCodeOrAnEmailIsNotHighlighted() {
        String html = render("`@pf.peru` y ana@pf.peru", Set.of("pf.peru"));
        assertNotContains("<span", html);
    }

    // --- Embeds ---

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://vimeo.com/76979871, vimeo, 76979871, https://player.vimeo.com/video/76979871?dnt=1",
            "https://player.vimeo.com/video/76979871, vimeo, 76979871, https://player.vimeo.com/video/76979871?dnt=1" })
    void videoLinksBecomePrivacyEnhancedEmbeds(String url, String provider, String id, String embedUrl) {
        List<RichText.Embed> embeds = richText.embeds("mira esto: " + url + " y comenta");
        assertEquals(1, embeds.size(), embeds::toString);
        RichText.Embed embed = embeds.get(0);
        assertEquals(provider, embed.provider());
        assertEquals(id, embed.videoId());
        assertEquals(embedUrl, embed.embedUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://youtube.com/watch?v=short", "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
            "javascript:alert(1)", "https://vimeo.com/abc", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQxx" })
    void otherLinksAreNotEmbedded(String text) {
        assertEquals(List.of(), richText.embeds("mira " + text + " ya"), text);
    }

    @Test
    void anEmbedUrlIsBuiltFromTheIdAlone() {
        List<RichText.Embed> embeds = richText.embeds("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=\"alert(1)");
        assertEquals(1, embeds.size(), embeds::toString);
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", embeds.get(0).embedUrl());
    }

    @Test
    void theSameVideoTwiceIsOneEmbed() {
        List<RichText.Embed> embeds = richText.embeds("https://www.youtube.com/watch?v=dQw4w9WgXcQ y otra vez "
                + "https://youtu.be/dQw4w9WgXcQ y https://www.youtube.com/shorts/dQw4w9WgXcQ");
        assertEquals(1, embeds.size(), embeds::toString);
    }

    @Test
    void atMostThreeEmbeds() {
        List<RichText.Embed> embeds = richText.embeds("https://youtu.be/aaaaaaaaaaa https://youtu.be/bbbbbbbbbbb "
                + "https://vimeo.com/1 https://vimeo.com/2 https://youtu.be/ccccccccccc");
        assertEquals(3, embeds.size(), embeds::toString);
        assertEquals(List.of("aaaaaaaaaaa", "bbbbbbbbbbb", "1"), embeds.stream().map(RichText.Embed::videoId).toList());
    }

    // --- Excerpts ---

    @Test
    void anExcerptIsPlainText() {
        assertEquals("Hola mundo", RichText.excerpt("**Hola** [mundo](https://x.example)", 100));
    }

    @Test
    void aLongTextIsCutWithAnEllipsis() {
        String text = "Las reuniones del grupo de trabajo se celebran cada mes en la sede de la secretaría técnica";
        String excerpt = RichText.excerpt(text, 40);
        assertTrue(excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.length() <= 40, excerpt);
        assertTrue(text.startsWith(excerpt.substring(0, excerpt.length() - 1)), excerpt);
        assertFalse(excerpt.substring(0, excerpt.length() - 1).endsWith(" "), excerpt);
        assertEquals("Las reuniones del grupo de trabajo se…", excerpt);
    }

    @Test
    void aShortTextIsNotCut() {
        assertEquals("corto", RichText.excerpt("corto", 40));
        assertEquals("", RichText.excerpt(null, 40));
    }

    private static int count(String needle, String haystack) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
