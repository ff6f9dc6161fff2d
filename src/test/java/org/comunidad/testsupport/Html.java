package org.comunidad.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A page as the user sees it: parsed with jsoup, so that tests assert on the element (the field,
 * the option, the term) rather than on a run of characters that happens to be in the markup.
 * Keep raw {@code contains} for what must never be in the bytes at all (a script, an injected tag).
 */
public final class Html {

    private Html() {
    }

    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /** The one element the selector finds; fails, showing the page, when there is none or several. */
    public static Element one(String html, String css) {
        Elements found = parse(html).select(css);
        assertEquals(1, found.size(), () -> "expected one " + css + ", found " + found.size() + " in:\n" + html);
        return found.first();
    }

    /** Every element the selector finds (none: an empty list). */
    public static Elements all(String html, String css) {
        return parse(html).select(css);
    }

    /** The value a form field shows: an input's value, a textarea's text, a select's selected option. */
    public static String field(String html, String name) {
        Element field = one(html, "[name=\"" + name + "\"]");
        return switch (field.tagName()) {
            case "textarea" -> field.text();
            case "select" -> {
                Elements selected = field.select("option[selected]");
                yield selected.isEmpty() ? null : selected.first().attr("value");
            }
            default -> field.attr("value");
        };
    }

    /** Whether the option with this value is the one selected in its list; returns its label. */
    public static String selectedOption(String html, String css, String value) {
        Element option = one(html, css + " option[value=\"" + value + "\"]");
        assertTrue(option.hasAttr("selected"), () -> "option " + value + " is not selected: " + option.parent());
        return option.text();
    }

    /** The description ({@code <dd>}) of the term ({@code <dt>}) with this exact text. */
    public static String definition(String html, String term) {
        Elements terms = parse(html).select("dt").stream().filter(dt -> dt.text().equals(term))
                .collect(Elements::new, Elements::add, Elements::addAll);
        assertEquals(1, terms.size(), () -> "expected one term " + term + " in:\n" + html);
        Element description = terms.first().nextElementSibling();
        assertTrue(description != null && description.tagName().equals("dd"), () -> "no description for " + term);
        return description.text();
    }
}
