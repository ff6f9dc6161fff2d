package org.comunidad.testsupport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * axe-core (Deque's engine, the one browsers' accessibility tools use) run on a page the browser
 * tests have open, limited to the WCAG 2.0 and 2.1 level A and AA rules. A page passes when axe
 * finds no serious and no critical violation: those are the ones that stop someone from reading
 * or operating the page (unreadable contrast, a control without a name, a region the keyboard
 * cannot reach).
 */
public final class Axe {

    /** WCAG 2.0 and 2.1, levels A and AA: the level the platform promises. */
    public static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Axe() {
    }

    /**
     * The serious and critical violations on the page as it is now, one line per rule and
     * element: "rule-id (impact) selector: help". Empty when the page passes.
     */
    public static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed on " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .flatMap(rule -> rule.getNodes().stream().map(node -> line(rule, node)))
                .toList();
    }

    /** Fails listing every serious or critical violation on the page. */
    public static void assertAccessible(Page page) {
        List<String> found = violations(page);
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core: " + found.size() + " serious or critical WCAG A/AA violation(s) on "
                    + page.url() + "\n  " + String.join("\n  ", found));
        }
    }

    /**
     * The contrast ratio of an element's text against what lies behind it, measured by axe's own
     * colour code (the one its color-contrast rule uses). axe's rule leaves text of one or two
     * characters (a count badge) to a human as "too short to tell": this measures it anyway.
     */
    public static double contrast(Locator element) {
        Page page = element.page();
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AxeBuilder.getAxeScript());
        }
        Object ratio = element.evaluate("""
                el => {
                  axe.setup();
                  try {
                    const color = axe.commons.color;
                    const bg = color.getBackgroundColor(el, []);
                    const fg = bg && color.getForegroundColor(el, false, bg);
                    return bg && fg ? color.getContrast(bg, fg) : null;
                  } finally {
                    axe.teardown();
                  }
                }""");
        if (!(ratio instanceof Number number)) {
            throw new AssertionError("axe could not tell the colours behind " + element);
        }
        return number.doubleValue();
    }

    private static String line(Rule rule, CheckedNode node) {
        String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
        return rule.getId() + " (" + impact + ") " + target(node.getTarget()) + ": " + rule.getHelp()
                + summary(node);
    }

    /** axe gives a list of selectors (one per frame or shadow root); a plain string in older versions. */
    private static String target(Object target) {
        if (target instanceof List<?> selectors) {
            return selectors.stream().map(String::valueOf).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }

    /** The colour-contrast rule says which colours and ratio it measured: worth keeping. */
    private static String summary(CheckedNode node) {
        String summary = node.getFailureSummary();
        if (summary == null || summary.isBlank()) {
            return "";
        }
        return " [" + summary.replaceAll("\\s+", " ").trim() + "]";
    }
}
