package org.comunidad.platform.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import io.quarkus.qute.RawString;

/**
 * What members write, made safe to show. Markdown is parsed with commonmark, raw HTML
 * in the source is escaped (shown as text), and the output goes through the OWASP
 * sanitiser anyway: only formatting elements, http(s)/mailto and same-origin links,
 * images from the app's own image routes only. Also finds video links (privacy-enhanced
 * embeds) and @mentions.
 */
@ApplicationScoped
public class RichText {

    /** A YouTube or Vimeo video found in a text, with its privacy-enhanced player URL. */
    public record Embed(String provider, String videoId, String embedUrl, String watchUrl) {
    }

    /**
     * The renderer's version, stored next to every text rendered when it is written ({@link StoredText}).
     * Bump it whenever {@link #html} gives other output for the same source (a new element allowed, a
     * changed attribute, a commonmark upgrade that changes the HTML): rows with an older version are
     * re-rendered by {@link StoredRendering}, and shown rendered on read until then.
     */
    public static final int VERSION = 1;

    private static final int MAX_EMBEDS = 3;

    /** @username, not inside a word or an e-mail address; a trailing dot or dash ends the sentence, not the name. */
    static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9._@-])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?)");

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,12}");

    /** The app's own image routes ({@link ImageRoute}s of the features), as one pattern. */
    private final Pattern imageSource;

    /** True when an image may point at this URL: one of the app's own image routes. */
    boolean isAppImage(String url) {
        return url != null && imageSource.matcher(url).matches();
    }

    /**
     * http(s) with "//" and a host: "https:/evil.example" or "http:evil.example" lead to another host from a
     * page of the other scheme without looking external. mailto, same-origin paths and fragments as well.
     */
    private static final Pattern LINK_TARGET = Pattern.compile(
            "^(?:https?://[^\\s\\\\\"<>/][^\\s\\\\\"<>]*|mailto:[^\\s\\\\\"<>]*|/(?![/\\\\])[^\\s\\\\\"<>]*|#[^\\s\"<>]*)$",
            Pattern.CASE_INSENSITIVE);
    /** Titles and alternative texts: plain text, never anything that looks like markup (mutation XSS). */
    private static final Pattern NO_MARKUP = Pattern.compile("[^<>]*");

    private final PolicyFactory policy;

    /** The features' image routes, collected by CDI. */
    @Inject
    public RichText(Instance<ImageRoute> imageRoutes) {
        this(imageRoutes.stream().map(ImageRoute::pattern).toList());
    }

    /** With these image routes (the tests name them). */
    public RichText(List<Pattern> imageRoutes) {
        this.imageSource = Pattern.compile(imageRoutes.isEmpty() ? "(?!)"
                : imageRoutes.stream().map(Pattern::pattern).collect(Collectors.joining("|", "^(?:", ")$")));
        this.policy = policy(imageSource);
    }

    private static PolicyFactory policy(Pattern imageSource) {
        return new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
                    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "span")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(LINK_TARGET).onElements("a")
            .allowAttributes("title").matching(NO_MARKUP).onElements("a", "img")
            .allowAttributes("target").matching(true, "_blank").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("src").matching(imageSource).onElements("img")
            .allowAttributes("alt").matching(NO_MARKUP).onElements("img")
            .allowAttributes("class").matching(true, "mention").onElements("span")
            .toFactory();
    }

    private final List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    /** Thread-safe once built: one for the application, not one per text. */
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link && isExternal(attributes.get("href"))) {
                    attributes.put("target", "_blank");
                }
            })
            .nodeRendererFactory(MentionRenderer::new)
            .build();

    /** Markdown to sanitised HTML. */
    public RawString render(String markdown) {
        return render(markdown, Set.of());
    }

    /**
     * Rendering is a pure function of its inputs: recent results are kept instead of
     * re-rendered on every view. Bounded: at most 2,000 texts of up to 5,000 characters
     * (a post), about 30 MB at worst; longer texts are rendered each time.
     */
    private static final int CACHE_MAX = 2_000;
    private static final int CACHE_TEXT_MAX = 5_000;

    private record CacheKey(String markdown, Set<String> known) {
    }

    private final java.util.concurrent.ConcurrentHashMap<CacheKey, RawString> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Markdown to sanitised HTML, to be stored with {@link #VERSION} when the text is written; null for
     * no text. The output depends on the source and the mentioned members only, never on the reader.
     */
    public String html(String markdown, Collection<String> knownUsernames) {
        if (markdown == null) {
            return null;
        }
        return markdown.isEmpty() ? "" : renderNow(markdown, Set.copyOf(knownUsernames)).getValue();
    }

    /** Whether HTML stored with this version can be shown as it is. */
    public static boolean current(Integer version) {
        return version != null && version == VERSION;
    }

    /**
     * What a page shows of a stored text: the stored HTML when its version is current, otherwise (a row
     * written before stored rendering, or by an older renderer, not yet re-rendered) the source rendered
     * now, so that a page never shows raw Markdown. Null when there is no text.
     */
    public RawString shown(String markdown, String storedHtml, Integer version, Set<String> knownUsernames) {
        if (markdown == null) {
            return null;
        }
        if (storedHtml != null && current(version)) {
            return new RawString(storedHtml);
        }
        return render(markdown, knownUsernames);
    }

    /** {@link #shown(String, String, Integer, Set)} of a text without mentions. */
    public RawString shown(String markdown, String storedHtml, Integer version) {
        return shown(markdown, storedHtml, version, Set.of());
    }

    /** Markdown to sanitised HTML; @username of a known member is highlighted. */
    public RawString render(String markdown, Set<String> knownUsernames) {
        if (markdown == null || markdown.isEmpty()) {
            return new RawString("");
        }
        if (markdown.length() > CACHE_TEXT_MAX) {
            return renderNow(markdown, knownUsernames);
        }
        CacheKey key = new CacheKey(markdown, Set.copyOf(knownUsernames));
        RawString cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        RawString rendered = renderNow(markdown, key.known());
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        cache.put(key, rendered);
        return rendered;
    }

    private RawString renderNow(String markdown, Set<String> knownUsernames) {
        if (markdown == null || markdown.isEmpty()) {
            return new RawString("");
        }
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                // The page owns h1 and h2: members' headings start at h3.
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                // Nested images in the alternative text first: they may be moved out below.
                visitChildren(image);
                if (!isAppImage(image.getDestination())) {
                    // Not one of the app's images: its alternative text stays, nothing is requested.
                    Node child = image.getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        image.insertBefore(child);
                        child = next;
                    }
                    image.unlink();
                }
            }
        });
        if (!knownUsernames.isEmpty()) {
            Set<String> known = knownUsernames.stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (Text text : textNodes(document)) {
                splitMentions(text, known);
            }
        }
        return new RawString(policy.sanitize(renderer.render(document)));
    }

    /** Usernames written as @username outside code, lower-cased, in order of appearance. */
    public Set<String> mentions(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (Text node : textNodes(parser.parse(text))) {
            Matcher m = MENTION.matcher(node.getLiteral());
            while (m.find()) {
                found.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return found;
    }

    /** YouTube and Vimeo videos linked in the text (at most three, each once). */
    public List<Embed> embeds(String text) {
        Map<String, Embed> found = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        Matcher m = URL.matcher(text);
        while (m.find() && found.size() < MAX_EMBEDS) {
            Embed embed = embedOf(m.group());
            if (embed != null) {
                found.putIfAbsent(embed.provider() + ":" + embed.videoId(), embed);
            }
        }
        return List.copyOf(found.values());
    }

    /** Plain text (no markup) of Markdown, for previews: whitespace collapsed, cut at a word. */
    public static String excerpt(String markdown, int maxChars) {
        if (markdown == null) {
            return "";
        }
        List<Extension> ext = List.of(TablesExtension.create(), AutolinkExtension.create());
        String text = TextContentRenderer.builder().extensions(ext).nodeRendererFactory(LinkTextRenderer::new).build()
                .render(Parser.builder().extensions(ext).build().parse(markdown))
                .replaceAll("\\s+", " ").strip();
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars - 1).strip() + "…";
    }

    static Embed embedOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String id = null;
        if (host.equals("youtu.be")) {
            id = firstSegment(path);
        } else if (host.equals("youtube.com") || host.equals("www.youtube.com") || host.equals("m.youtube.com")
                || host.equals("www.youtube-nocookie.com")) {
            if (path.equals("/watch")) {
                id = queryParam(uri.getRawQuery(), "v");
            } else if (path.startsWith("/shorts/") || path.startsWith("/embed/") || path.startsWith("/live/")) {
                id = firstSegment(path.substring(path.indexOf('/', 1)));
            }
        }
        if (id != null) {
            return YOUTUBE_ID.matcher(id).matches()
                    ? new Embed("youtube", id, "https://www.youtube-nocookie.com/embed/" + id,
                            "https://www.youtube.com/watch?v=" + id)
                    : null;
        }
        if (host.equals("vimeo.com") || host.equals("www.vimeo.com")) {
            id = firstSegment(path);
        } else if (host.equals("player.vimeo.com") && path.startsWith("/video/")) {
            id = firstSegment(path.substring("/video".length()));
        }
        if (id != null && VIMEO_ID.matcher(id).matches()) {
            return new Embed("vimeo", id, "https://player.vimeo.com/video/" + id + "?dnt=1", "https://vimeo.com/" + id);
        }
        return null;
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        String segment = slash < 0 ? p : p.substring(0, slash);
        return segment.isEmpty() ? null : segment;
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static boolean isExternal(String href) {
        if (href == null) {
            return false;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Text nodes outside links (code spans and blocks are other node types). */
    private static List<Text> textNodes(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // a mention inside a link's text stays part of the link
            }

            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        return texts;
    }

    /** Splits a text node around mentions of known members, which become {@link MentionNode}s. */
    private static void splitMentions(Text text, Set<String> known) {
        String literal = text.getLiteral();
        Matcher m = MENTION.matcher(literal);
        int last = 0;
        Node anchor = text;
        boolean changed = false;
        while (m.find()) {
            String username = m.group(1);
            if (!known.contains(username.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (m.start() > last) {
                Text before = new Text(literal.substring(last, m.start()));
                anchor.insertAfter(before);
                anchor = before;
            }
            MentionNode mention = new MentionNode(username);
            anchor.insertAfter(mention);
            anchor = mention;
            last = m.end();
            changed = true;
        }
        if (changed) {
            if (last < literal.length()) {
                anchor.insertAfter(new Text(literal.substring(last)));
            }
            text.unlink();
        }
    }

    /** In plain text, a link or an image is its text alone (not "text" (url)). */
    static final class LinkTextRenderer implements NodeRenderer {
        private final TextContentNodeRendererContext context;

        LinkTextRenderer(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }

    /** A mention of a known member in the tree. */
    static final class MentionNode extends CustomNode {
        final String username;

        MentionNode(String username) {
            this.username = username;
        }
    }

    /** Writes a mention as a highlighted span (escaped text: the renderer's writer escapes it). */
    static final class MentionRenderer implements NodeRenderer {
        private final HtmlWriter html;

        MentionRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MentionNode.class);
        }

        @Override
        public void render(Node node) {
            html.tag("span", Map.of("class", "mention"));
            html.text("@" + ((MentionNode) node).username);
            html.tag("/span");
        }
    }
}
