package org.comunidad.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The floors of docs/architecture.md, checked on the compiled classes: the platform at the
 * bottom knows no feature; features form no cycle; content features never know each other.
 * A plain JUnit test (no Quarkus start): it fails in a second, with the offending lines.
 */
class ArchitectureTest {

    /** The features that hold members' content; each stands alone on the floors below it. */
    static final String[] CONTENT_FEATURES = {
            "org.comunidad.news..", "org.comunidad.post..", "org.comunidad.discussion..",
            "org.comunidad.document..", "org.comunidad.meeting..", "org.comunidad.plan.." };

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.comunidad");
    }

    @Test
    void thePlatformKnowsNoFeature() {
        ArchRule rule = noClasses().that().resideInAPackage("org.comunidad.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.comunidad.platform..", "java..",
                        "jakarta..", "io..", "org.eclipse..", "org.jboss..", "org.hibernate..", "org.postgresql..",
                        "org.commonmark..", "org.owasp..", "com..", "org.apache..", "org.slf4j..", "okhttp3..",
                        "kotlin..", "org.jspecify..", "net..", "javax..", "org.flywaydb..")
                .because("the platform is the ground floor: features plug into its seams (CDI Instance<> of"
                        + " a small interface, or an event), it never names a feature (docs/architecture.md)");
        rule.check(classes);
    }

    @Test
    void featuresFormNoCycle() {
        ArchRule rule = slices().matching("org.comunidad.(*)..").should().beFreeOfCycles()
                .because("each feature stands on the floors below it; a reaction that goes the other way"
                        + " is a CDI event or a seam, never an import (docs/architecture.md)");
        rule.check(classes);
    }

    @Test
    void contentFeaturesDoNotKnowEachOther() {
        for (String feature : CONTENT_FEATURES) {
            String[] others = java.util.Arrays.stream(CONTENT_FEATURES).filter(f -> !f.equals(feature))
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(feature)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because("a content feature plugs into the platform and reads community and member;"
                            + " it never depends on another content feature, so each can be added or"
                            + " removed alone (docs/architecture.md)");
            rule.check(classes);
        }
    }

    @Test
    void demoDataIsOnTop() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.comunidad.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.comunidad.demo..")
                .because("demo data stands at the top: nothing the forum runs in production depends on it");
        rule.check(classes);
    }
}
