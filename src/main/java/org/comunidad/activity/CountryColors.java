package org.comunidad.activity;

import java.util.Map;

/**
 * One colour per country, the same in every chart. Each has a contrast of at least 4.5:1 on
 * the white page (WCAG asks 3:1 for graphics); segments are also separated by a white line,
 * and every figure is in the table under the chart, so colour is never the only way to read it.
 */
final class CountryColors {

    /** Members without a country. */
    static final String NONE = "#6b7280";
    /** A member's own chart (one series): the brand blue. */
    static final String SINGLE = "#0b4a8b";

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("AR", "#2166ac"),
            Map.entry("BO", "#4d4d4d"),
            Map.entry("BR", "#b35806"),
            Map.entry("CL", "#b2182b"),
            Map.entry("CO", "#762a83"),
            Map.entry("EC", "#00798c"),
            Map.entry("GY", "#8c510a"),
            Map.entry("PY", "#d6336c"),
            Map.entry("PE", "#1b7837"),
            Map.entry("SR", "#5e3c99"),
            Map.entry("UY", "#01665e"),
            Map.entry("VE", "#c51b7d"));

    /** Countries outside the list get a colour from it, chosen by their code. */
    private static final String[] OTHERS = BY_COUNTRY.values().stream().sorted().toArray(String[]::new);

    private CountryColors() {
    }

    static String of(String countryCode) {
        if (countryCode == null || countryCode.isEmpty()) {
            return NONE;
        }
        String fill = BY_COUNTRY.get(countryCode);
        return fill != null ? fill : OTHERS[Math.floorMod(countryCode.hashCode(), OTHERS.length)];
    }
}
