package org.comunidad.platform.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.community.CommunityTab;
import org.comunidad.platform.audit.AuditLabels;
import org.comunidad.platform.demo.DemoContent;
import org.comunidad.testsupport.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The features' contributions as the running application collects them: one per feature in
 * each seam, and each gathering page's counts still in one statement.
 */
@QuarkusTest
class SeamsPluggedTest {

    @Inject
    Instance<NewItems> newItems;

    @Inject
    Instance<Searchable> searchable;

    @Inject
    Instance<CommunityTab> tabs;

    @Inject
    Instance<AuditLabels> audit;

    @Inject
    Instance<DemoContent> demo;

    @Inject
    Instance<GroupYear> groupYear;

    @Inject
    Instance<Filing> filing;

    @Inject
    Instance<HeaderCount> headerCounts;

    @Inject
    WhatsNew whatsNew;

    @Inject
    ParticipationCounts participation;

    @Inject
    SqlStatements sql;

    @Inject
    EntityManager em;

    @Test
    void everyFeatureContributesOnce() {
        assertEquals(Set.of("NEWS", "POSTS", "DISCUSSIONS", "DOCUMENTS", "MEETINGS"),
                newItems.stream().map(n -> n.newItems().tab()).collect(Collectors.toSet()));
        assertEquals(List.of("news", "posts", "discussions", "documents", "meetings", "plans", "tasks"), tabs.stream().map(CommunityTab::tab)
                .sorted(java.util.Comparator.comparingInt(CommunityTab.Tab::position)).map(CommunityTab.Tab::key).toList());
        assertEquals(Set.of("news", "posts", "discussions", "meetings", "plans"),
                searchable.stream().map(s -> s.searchable().key()).collect(Collectors.toSet()));
        assertEquals(10, demo.stream().count(), "community, presidency, member, news, post, discussion, documents, activity, meetings, plans");
        // The activity report's seams (issue 15): a group's year from meetings and documents; one filing bean.
        assertEquals(List.of("meetings", "documents"), groupYear.stream()
                .sorted(java.util.Comparator.comparingInt(GroupYear::position)).map(GroupYear::key).toList());
        assertTrue(filing.isResolvable(), "one bean files into the repository (documents)");
        assertEquals(List.of("BELL"), headerCounts.stream().map(h -> h.headerCount().key()).toList(),
                "the header's counts: the bell (notifications)");
    }

    @Test
    void everyAuditActionHasOneOwnerAndALabel() {
        List<String> names = audit.stream().flatMap(a -> a.auditActions().actions().stream()).map(AuditLabels.Action::name).toList();
        assertEquals(names.size(), new TreeSet<>(names).size(), "no action named twice: " + names);
        assertEquals(59, names.size(), "the actions of the filter: " + names);
        for (AuditLabels labels : audit) {
            for (AuditLabels.Action action : labels.auditActions().actions()) {
                for (String language : List.of("es", "pt", "en")) {
                    assertFalse(action.label(language).isBlank(), action.name() + " in " + language);
                }
            }
        }
    }

    @Test
    void whatsNewAndActivityCountsStayOneStatement() {
        long member = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select id from member where username = 'coord.seguridad'").getSingleResult())
                .longValue());
        long group = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select id from community where slug = 'seguridad'").getSingleResult())
                .longValue());
        List<Long> communities = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select id from community", Long.class).getResultList());

        assertEquals(1, sql.steady(() -> whatsNew.counts(member, communities)), "what's new, every community");
        assertEquals(1, sql.steady(() -> QuarkusTransaction.requiringNew().run(() -> assertEquals(8,
                participation.created(group, "in (select id from community where id = :scope or parent_id = :scope)",
                        group, false, OffsetDateTime.now().minusYears(1), "es").size()))),
                "a group's activity: news, posts, comments, discussions, replies, documents, downloads, meetings");
        assertEquals(1, sql.steady(() -> QuarkusTransaction.requiringNew().run(() -> assertEquals(8,
                participation.contributed(group, member, "en").size()))), "a member's standing");
    }
}
