package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The installation's settings come from configuration: another forum runs the same build
 * with its own name, address and zone, and no template names the demo forum.
 */
class SiteConfigTest {

    @Test
    void anotherForumConfiguresItsNameAddressAndZone() {
        SiteConfig site = site(Map.of("comunidad.site.forum-name", "SELA",
                "comunidad.site.base-url", "https://comunidad.sela.example//",
                "comunidad.site.time-zone", "America/Caracas"));
        assertEquals("SELA", site.forumName());
        assertEquals("https://comunidad.sela.example", site.baseUrl());
        assertEquals(ZoneId.of("America/Caracas"), site.timeZone());
    }

    @Test
    void theShippedPropertiesNameTheDemoForumAndItsZone() throws IOException {
        java.util.Properties shipped = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            shipped.load(in);
        }
        assertEquals("${COMUNIDAD_FORUM_NAME:PROSUR}", shipped.getProperty("comunidad.site.forum-name"));
        assertEquals("${COMUNIDAD_TIME_ZONE:America/Santiago}", shipped.getProperty("comunidad.site.time-zone"));
        assertEquals("${COMUNIDAD_BASE_URL}", shipped.getProperty("%prod.comunidad.site.base-url"));
    }

    @Test
    void noTemplateWritesTheForumsNameItself() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> naming = files.filter(Files::isRegularFile).filter(f -> read(f).contains("PROSUR")).toList();
            assertTrue(naming.isEmpty(), "templates that name the forum instead of {inject:site.forumName}: " + naming);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SiteConfig site(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(SiteConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(SiteConfig.class);
    }
}
