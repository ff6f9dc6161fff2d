package org.comunidad.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload of {@code xss/payloads.txt} goes through {@link RichText#render} (with and without known
 * usernames) and the output is checked by {@link #problems(String)}: only allowed elements and attributes,
 * only http(s)/mailto/fragment/same-origin links, only images of the app's image routes, nothing scriptable.
 *
 * <p>In the corpus, one payload per line; inside a line {@code \n} stands for a newline, {@code \t} for a
 * tab, {@code \xHH} and <code>&#92;uXXXX</code> for that character. A backslash before anything else is literal.
 */
class XssCorpusTest {

    private static final String CORPUS = "/xss/payloads.txt";
    private static final int MINIMUM_CORPUS = 220;

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("strong", Set.of()),
            Map.entry("em", Set.of()), Map.entry("del", Set.of()), Map.entry("s", Set.of()),
            Map.entry("code", Set.of()), Map.entry("pre", Set.of()), Map.entry("blockquote", Set.of()),
            Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()),
            Map.entry("h3", Set.of()), Map.entry("h4", Set.of()), Map.entry("h5", Set.of()),
            Map.entry("h6", Set.of()), Map.entry("hr", Set.of()), Map.entry("table", Set.of()),
            Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()), Map.entry("tr", Set.of()),
            Map.entry("th", Set.of("align")), Map.entry("td", Set.of("align")),
            Map.entry("a", Set.of("href", "rel", "target", "title")),
            Map.entry("img", Set.of("src", "alt", "title")),
            Map.entry("span", Set.of("class")));

    private static final List<String> FORBIDDEN = List.of("<script", "javascript:", "vbscript:", "data:", "<iframe",
            "<svg", "<math", "<object", "<embed", "<style", "<form", "<base", "<meta", "<link", "srcdoc",
            "formaction", "expression(");

    /** A start or end tag; attribute values may be double-, single- or un-quoted (the checker also reads bad HTML). */
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    private static final Pattern HREF_OK = Pattern.compile("^(?:(?i:https?://|mailto:)|#|/(?![/\\\\]))");
    /** Images only from the app's own image routes (today: news images), written independently of RichText. */
    private static final Pattern SRC_OK = Pattern.compile("^/c/[a-z0-9-]+/news/[0-9]+/image$");

    private static final Pattern ENTITY = Pattern.compile("&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));?");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("colon", ":"), Map.entry("Tab", "\t"), Map.entry("NewLine", "\n"),
            Map.entry("nbsp", "\u00a0"), Map.entry("sol", "/"), Map.entry("bsol", "\\"), Map.entry("lpar", "("),
            Map.entry("rpar", ")"), Map.entry("period", "."), Map.entry("semi", ";"), Map.entry("comma", ","),
            Map.entry("excl", "!"), Map.entry("num", "#"), Map.entry("equals", "="), Map.entry("grave", "`"),
            Map.entry("plus", "+"), Map.entry("percnt", "%"), Map.entry("quest", "?"), Map.entry("commat", "@"));

    private static final String TEMPLATE_BREAK = "<!-- -->";

    private static final RichText RICH_TEXT = new RichText(List.of(org.comunidad.news.NewsImageRoute.PATTERN));

    static Stream<Named<String>> payloads() {
        return corpusLines().stream().map(line -> Named.of(line, decode(line)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("payloads")
    void nothingExecutableSurvives(String payload) {
        assertSafe(payload, "render(p)", RICH_TEXT.render(payload).getValue());
        assertSafe(payload, "render(p, {pf.peru})", RICH_TEXT.render(payload, Set.of("pf.peru")).getValue());
        // What is stored when a text is written (StoredText) goes through the same renderer and sanitiser.
        assertSafe(payload, "html(p, {pf.peru})", RICH_TEXT.html(payload, Set.of("pf.peru")));
    }

    @Test
    void theCorpusIsLargeEnough() {
        List<String> lines = corpusLines();
        Set<String> distinct = new LinkedHashSet<>(lines);
        System.out.println("XSS corpus: " + distinct.size() + " distinct payloads");
        assertEquals(lines.size(), distinct.size(), "the corpus has duplicate lines");
        assertTrue(distinct.size() >= MINIMUM_CORPUS,
                "the corpus has " + distinct.size() + " distinct payloads, fewer than " + MINIMUM_CORPUS);
    }

    @Test
    void theCheckerCatchesKnownBadOutput() {
        assertBad("<img src=x onerror=alert(1)>");
        assertBad("<img src=\"x\" onerror=\"alert(1)\" />");
        assertBad("<a href=\"javascript:alert(1)\">x</a>");
        assertBad("<a href=\"javascript&#58;alert(1)\">x</a>");
        assertBad("<a href=\"&#x6A;avascript&#x3a;alert(1)\">x</a>");
        assertBad("<a href=\"//evil.example/x\">x</a>");
        assertBad("<a href=\"/\\evil.example\">x</a>");
        assertBad("<a href=\"/&#9;/evil.example\">x</a>");
        assertBad("<img src=\"https://evil.example/x.png\" />");
        assertBad("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" />");
        assertBad("<img src=\"/logout\" />");
        assertBad("<img src=\"/c/x/documents/1/file\" />");
        assertBad("<p>x</p><script>alert(1)</script>");
        assertBad("<svg onload=alert(1)>");
        assertBad("<span class=\"evil\">x</span>");
        assertBad("<p style=\"x:expression(alert(1))\">x</p>");
        assertBad("<p onclick=\"alert(1)\">x</p>");
        assertBad("<p>x</p><img/src=x/onerror=alert(1)>");
        assertBad("<p><!--<img src=x onerror=alert(1)>--></p>");
        assertBad("<a href=\"https://x.example\" title=\"&lt;/noscript&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>");
        // and good output passes
        assertEquals(List.of(), problems("<p>a <strong>b</strong> &lt;script&gt;alert(1)&lt;/script&gt; "
                + "<a href=\"https://x.example\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">x</a> "
                + "<img src=\"/c/x/news/1/image\" alt=\"a\" /> <span class=\"mention\">&#64;pf.peru</span><br />{<!-- -->{x}}</p>"
                + "<ol start=\"3\"><li>x</li></ol><table><thead><tr><th align=\"center\">a</th></tr></thead></table>"));
    }

    private static void assertBad(String html) {
        assertFalse(problems(html).isEmpty(), "the checker should have found a problem in " + html);
    }

    private static void assertSafe(String payload, String call, String html) {
        List<String> problems = problems(html);
        assertTrue(problems.isEmpty(), () -> call + " of payload\n  " + payload.replace("\n", "\\n") + "\ngave\n  "
                + html.replace("\n", "\\n") + "\nproblems:\n  " + String.join("\n  ", problems));
    }

    /**
     * What is wrong with sanitised HTML, as readable messages; empty when nothing is. Text between tags is
     * inert (the sanitiser escapes it: a raw {@code <} there is itself a problem), so the forbidden strings
     * are looked for in the markup: every tag, with its attribute values entity-decoded.
     */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        int textStart = 0;
        while (tag.find()) {
            checkText(html.substring(textStart, tag.start()), problems);
            textStart = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String element = tag.group(2).toLowerCase(Locale.ROOT);
            StringBuilder markup = new StringBuilder("<").append(tag.group(1)).append(element);
            Set<String> allowed = ALLOWED.get(element);
            if (allowed == null) {
                problems.add("element <" + element + "> is not allowed: " + tag.group());
                allowed = Set.of();
            }
            String attributes = tag.group(3);
            Matcher attribute = ATTRIBUTE.matcher(attributes);
            int consumed = 0;
            while (attribute.find() && attribute.start() == consumed) {
                consumed = attribute.end();
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String raw = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3)
                                : attribute.group(4) != null ? attribute.group(4) : "";
                String value = decodeEntities(raw);
                markup.append(' ').append(name).append("=\"").append(value).append('"');
                if (name.startsWith("on")) {
                    problems.add("event handler " + name + " in " + tag.group());
                }
                if (closing) {
                    problems.add("attribute on an end tag: " + tag.group());
                } else if (!allowed.contains(name)) {
                    problems.add("attribute " + name + " is not allowed on <" + element + ">: " + tag.group());
                }
                if (name.equals("href") && !urlOk(HREF_OK, value)) {
                    problems.add("href is not http(s), mailto, a fragment or a same-origin path: " + tag.group());
                }
                if (name.equals("src") && !urlOk(SRC_OK, value)) {
                    problems.add("src is not one of the app's image routes: " + tag.group());
                }
                if (element.equals("span") && name.equals("class") && !value.equals("mention")) {
                    problems.add("span class other than mention: " + tag.group());
                }
            }
            if (consumed != attributes.length()) {
                problems.add("unreadable attributes in " + tag.group());
            }
            String lower = markup.append('>').toString().toLowerCase(Locale.ROOT);
            for (String forbidden : FORBIDDEN) {
                if (lower.contains(forbidden)) {
                    problems.add("forbidden \"" + forbidden + "\" in " + tag.group());
                }
            }
        }
        checkText(html.substring(textStart), problems);
        return problems;
    }

    /**
     * Text between tags: escaped by the sanitiser, so any "<" left is markup the tokeniser could not read. The
     * one exception is the empty comment the sanitiser puts between "{{" to defuse client-side templates.
     */
    private static void checkText(String text, List<String> problems) {
        if (text.replace(TEMPLATE_BREAK, "").indexOf('<') >= 0) {
            problems.add("unescaped or unreadable markup: " + text);
        }
    }

    /** The value as given and as a browser reads it (tabs and newlines removed anywhere in a URL). */
    private static boolean urlOk(Pattern allowed, String value) {
        return allowed.matcher(value).find() && allowed.matcher(value.replaceAll("[\\t\\n\\r]", "")).find();
    }

    /** Decodes character references (numeric with or without ";", common named ones) until nothing changes. */
    static String decodeEntities(String s) {
        String previous;
        String current = s;
        int rounds = 0;
        do {
            previous = current;
            current = decodeOnce(previous);
        } while (!current.equals(previous) && ++rounds < 10);
        return current;
    }

    private static String decodeOnce(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null || m.group(2) != null) {
                replacement = codePoint(m.group(1) != null ? m.group(1) : m.group(2), m.group(1) != null ? 16 : 10);
            } else {
                replacement = NAMED.getOrDefault(m.group(3), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return cp == 0 || !Character.isValidCodePoint(cp) ? "\uFFFD" : new String(Character.toChars(cp));
        } catch (NumberFormatException e) {
            return "\uFFFD";
        }
    }

    /** The corpus's non-blank lines, as written (escapes not decoded). */
    static List<String> corpusLines() {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " not found on the test class path");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus line to its payload: {@code \n}, {@code \t}, {@code \xHH}, <code>&#92;uXXXX</code>; other backslashes stay. */
    static String decode(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
                if (next == 't') {
                    out.append('\t');
                    i++;
                    continue;
                }
                if (next == 'x' && isHex(line, i + 2, 2)) {
                    out.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                if (next == 'u' && isHex(line, i + 2, 4)) {
                    out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
