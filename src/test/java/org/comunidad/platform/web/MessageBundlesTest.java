package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every string in Spanish, Portuguese and English: each message bundle has the same keys in
 * its three files, none left empty. (Qute would silently fall back to Spanish for a key
 * missing from the Portuguese or English file.)
 */
class MessageBundlesTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyBundleSaysEverythingInTheThreeLanguages() throws IOException {
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[a-z]+\\.properties"))
                    .map(n -> n.substring(0, n.indexOf('.'))).sorted().forEach(bundles::add);
        }
        assertTrue(bundles.contains("msg") && bundles.size() >= 8, "bundles found: " + bundles);
        for (String bundle : bundles) {
            Properties spanish = load(bundle + ".properties");
            for (String language : new String[] { "pt", "en" }) {
                Properties other = load(bundle + "_" + language + ".properties");
                assertEquals(new TreeSet<>(spanish.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                        bundle + "_" + language + " has the same keys as " + bundle);
                for (String key : other.stringPropertyNames()) {
                    assertFalse(other.getProperty(key).isBlank(), bundle + "_" + language + ": " + key + " is empty");
                }
            }
            for (String key : spanish.stringPropertyNames()) {
                assertFalse(spanish.getProperty(key).isBlank(), bundle + ": " + key + " is empty");
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Path path = MESSAGES.resolve(file);
        assertTrue(Files.exists(path), file + " exists");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
