package org.comunidad.platform.content;

import java.time.LocalDate;
import java.util.List;

import org.comunidad.platform.security.Viewer;

/**
 * A feature's part of a working group's year, as the group's yearly activity report tells it:
 * the meetings held with their agreements (the meeting feature: {@code meeting.MeetingYear}),
 * the documents produced (the document feature: {@code document.DocumentYear}). Collected by the
 * plan feature's activity report ({@code plan.PlanReportService}) through {@code Instance<GroupYear>},
 * in {@link #position()} order; the report names each part by its {@link #key()} in its own bundle.
 * Each implementation runs one statement, under its own feature's reading rules.
 */
public interface GroupYear {

    /** One thing of the year: its date, its title, the community (group or subgroup) it belongs to, its details in order. */
    record Entry(LocalDate date, String title, String community, String kind, List<String> details, String link) {
    }

    /** The part's name in the report ("meetings", "documents"). */
    String key();

    int position();

    /**
     * What the group (and its subgroups) did in the calendar year, oldest first, that the viewer
     * may read; names in {@code language} (es, pt, en). Empty when there is nothing, or nothing the viewer may read.
     */
    List<Entry> entries(Viewer viewer, long groupId, int year, String language);
}
