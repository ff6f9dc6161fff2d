package org.comunidad.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.scheduler.Scheduled;

/**
 * Every scheduled method of the app hands its work to {@link Jobs#run}, so that each due time
 * runs once across instances; a new {@code @Scheduled} method that calls its work directly
 * fails here (on the compiled classes, without starting Quarkus).
 */
class ScheduledThroughJobsTest {

    @Test
    void everyScheduledMethodRunsThroughJobs() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.comunidad");
        Set<String> scheduled = new TreeSet<>();
        Set<String> direct = new TreeSet<>();
        for (var javaClass : classes) {
            for (JavaMethod method : javaClass.getMethods()) {
                if (!method.isAnnotatedWith(Scheduled.class)) {
                    continue;
                }
                String name = javaClass.getSimpleName() + "." + method.getName();
                scheduled.add(name);
                boolean throughJobs = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Jobs.class)
                                && call.getName().equals("run"));
                if (!throughJobs) {
                    direct.add(name);
                }
            }
        }
        assertTrue(direct.isEmpty(), "scheduled without Jobs.run: " + direct);
        assertEquals(new TreeSet<>(List.of("DocumentJobs.extractScheduled", "DocumentJobs.purgeScheduled",
                "DocumentJobs.sweepScheduled", "Emails.digestScheduled", "Emails.immediateScheduled",
                "Jobs.pruneScheduled", "MeetingRecordingJobs.sweepScheduled", "MeetingReminders.scheduled",
                "StoredRendering.scheduled", "TaskReminders.scheduled")), scheduled, "the scheduled jobs docs/architecture.md lists");
    }
}
