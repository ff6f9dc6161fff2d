package org.comunidad.plan;

import java.util.List;

import org.comunidad.platform.content.GroupYear;

/**
 * A working group's yearly activity report, gathered once and written three ways (the page's
 * preview, the PDF, the DOCX), with seed 001's structure. Every text is already in the report's
 * language; the headings come from the plnr bundle in that language.
 */
public record PlanReport(String language, int year, String group, String forum, String generatedOn,
        List<String> introduction, String objectiveTitle, List<String> objective, List<CountryRow> countries,
        List<SubgroupRow> subgroups, List<Part> parts, List<StatusRow> status, int nextYear, List<YearTable> next) {

    /** A participating country and its institutions ("Anexo 1"). */
    public record CountryRow(String country, String institutions) {
    }

    /** A subgroup: its objective (the specific objective it owns), leader country and person, member countries. */
    public record SubgroupRow(String name, String objective, String leaderCountry, String leaderPerson, String members) {
        public String leader() {
            return leaderPerson == null || leaderPerson.isBlank() ? leaderCountry
                    : leaderCountry == null ? leaderPerson : leaderCountry + " (" + leaderPerson + ")";
        }
    }

    /** What another feature contributed to the year (meetings, documents), with its heading. */
    public record Part(int number, String key, String heading, String nothing, boolean table, List<GroupYear.Entry> entries) {
    }

    /** A subgroup's work plan in the year: its objective's rolled-up figure and its activities by status. */
    public record StatusRow(String community, String yearFigure, String figure, int activities, int done, int inProgress, int pending,
            int cancelled) {
    }

    /** A community's plan for the next year in the seeds' shape: action line | product or activity | deadline. */
    public record YearTable(String community, String lineHeading, String itemHeading, List<Row> rows) {
    }

    /** A row; the action line is written on the first row of its items only (rowspan on that row). */
    public record Row(String line, int span, String item, String deadline) {
        public boolean startsLine() {
            return span > 0;
        }
    }

    /** The number of the work plan's status section (after the contributed parts, numbered from 5). */
    public int statusNumber() {
        return 5 + parts.size();
    }

    public int nextNumber() {
        return 6 + parts.size();
    }

    /** A day as the report's language writes it (6 de agosto de 2020, 6 August 2020). */
    public String day(java.time.LocalDate day) {
        return day == null ? ""
                : day.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                        .withLocale(java.util.Locale.forLanguageTag(language)));
    }

    public boolean hasIntroduction() {
        return !introduction.isEmpty();
    }
}
