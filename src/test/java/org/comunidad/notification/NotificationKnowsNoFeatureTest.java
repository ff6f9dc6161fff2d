package org.comunidad.notification;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The notifications stand on the platform only: features reach them through Notice events
 * and contribute their kinds (platform.notice), so nothing here names a feature, and no
 * feature but the profile's email preferences (member, above) calls into this package to
 * notify. A plain JUnit test, no Quarkus start.
 */
class NotificationKnowsNoFeatureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.comunidad");

    @Test
    void notificationDependsOnThePlatformOnly() {
        noClasses().that().resideInAPackage("org.comunidad.notification..")
                .should().dependOnClassesThat(resideInAPackage("org.comunidad..")
                        .and(resideOutsideOfPackages("org.comunidad.notification..", "org.comunidad.platform..")))
                .because("the notifications react to Notice events and show the kinds features contribute"
                        + " (platform.notice); they never name a feature")
                .check(CLASSES);
    }

    @Test
    void nobodyNotifiesByCallingTheNotifications() {
        noClasses().that().resideOutsideOfPackage("org.comunidad.notification..")
                .should().dependOnClassesThat().areAssignableTo(Notifications.class)
                .because("a feature fires a Notice event in its transaction; it never calls Notifications")
                .check(CLASSES);
    }
}
