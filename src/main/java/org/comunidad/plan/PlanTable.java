package org.comunidad.plan;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a subgroup's plan from a table in the shape the forum's plans use (seed 001, section 7):
 * "Líneas de Acción | Productos | Plazo" or "Líneas de Acción | Actividades | Plazo" (and the same
 * headings in Portuguese and English), where a blank first cell continues the action line above.
 * The result is a preview: what each row becomes, and for each row it cannot read, the reason.
 * Nothing is stored here.
 */
public final class PlanTable {

    /** What the second column holds. */
    public enum Items {
        PRODUCTS, ACTIVITIES
    }

    /** Why a row (or the whole table) cannot be read. */
    public enum Refusal {
        /** The first row is not "action lines | products or activities | deadline". */
        HEADINGS,
        /** The row's second cell is empty. */
        NO_ITEM,
        /** The first row of data continues an action line that no row above gave. */
        NO_LINE,
        /** The deadline is no period (the period's own reason is given too). */
        PERIOD,
        /** More than three cells with text. */
        EXTRA_CELLS
    }

    /**
     * One row of data as the preview shows it: its number in the file (the headings are row 1),
     * the action line it belongs to, the item, the deadline as written and read; or why not.
     */
    public record Row(int number, String line, String item, String deadline, Period period, Refusal refusal,
            Periods.Reason periodReason) {

        public boolean ok() {
            return refusal == null;
        }
    }

    /** An action line and the rows read under it, in order. */
    public record Line(String title, List<Row> items) {
    }

    /** The whole table: what its second column holds (null when its headings were refused), rows, lines. */
    public record Preview(Items items, Refusal refusal, List<Row> rows, List<Line> lines) {

        public boolean ok() {
            return refusal == null && rows.stream().allMatch(Row::ok);
        }

        public long refused() {
            return rows.stream().filter(r -> !r.ok()).count();
        }
    }

    private static final Map<String, Items> SECOND = Map.of("productos", Items.PRODUCTS, "produtos", Items.PRODUCTS,
            "products", Items.PRODUCTS, "actividades", Items.ACTIVITIES, "atividades", Items.ACTIVITIES,
            "activities", Items.ACTIVITIES);
    private static final List<String> FIRST = List.of("lineas de accion", "linhas de acao", "action lines",
            "lines of action");
    private static final List<String> THIRD = List.of("plazo", "prazo", "deadline", "period", "timeframe");

    private PlanTable() {
    }

    /**
     * Reads a CSV table (comma, semicolon or tab separated, as spreadsheets save it); {@code year}
     * is the plan's year, for deadlines that name none.
     */
    public static Preview csv(Reader csv, int year) throws IOException {
        String text = read(csv);
        char delimiter = delimiter(text);
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true).get())) {
            List<List<String>> cells = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>();
                record.forEach(row::add);
                cells.add(row);
            }
            return rows(cells, year);
        }
    }

    /** Reads rows of cells (the first holds the headings), from a CSV or a spreadsheet. */
    public static Preview rows(List<List<String>> cells, int year) {
        List<List<String>> filled = cells.stream().filter(r -> r.stream().anyMatch(c -> c != null && !c.isBlank()))
                .toList();
        if (filled.isEmpty()) {
            return new Preview(null, Refusal.HEADINGS, List.of(), List.of());
        }
        Items items = headings(filled.get(0));
        if (items == null) {
            return new Preview(null, Refusal.HEADINGS, List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Line current = null;
        int number = cells.indexOf(filled.get(0)) + 1;
        for (int i = cells.indexOf(filled.get(0)) + 1; i < cells.size(); i++) {
            List<String> row = cells.get(i);
            number = i + 1;
            if (row.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String line = cell(row, 0);
            String item = cell(row, 1);
            String deadline = cell(row, 2);
            if (line != null) {
                current = new Line(line, new ArrayList<>());
                lines.add(current);
            }
            Row read;
            if (row.stream().skip(3).anyMatch(c -> c != null && !c.isBlank())) {
                read = new Row(number, line, item, deadline, null, Refusal.EXTRA_CELLS, null);
            } else if (current == null) {
                read = new Row(number, null, item, deadline, null, Refusal.NO_LINE, null);
            } else if (item == null) {
                read = new Row(number, current.title(), null, deadline, null, Refusal.NO_ITEM, null);
            } else {
                Periods.Reading period = Periods.read(deadline, year);
                read = period.ok() ? new Row(number, current.title(), item, deadline, period.period(), null, null)
                        : new Row(number, current.title(), item, deadline, null, Refusal.PERIOD, period.refusal());
            }
            rows.add(read);
            if (read.ok()) {
                current.items().add(read);
            }
        }
        return new Preview(items, null, rows, lines.stream().map(l -> new Line(l.title(), List.copyOf(l.items())))
                .toList());
    }

    private static Items headings(List<String> row) {
        if (row.size() < 3) {
            return null;
        }
        String first = fold(row.get(0));
        String third = fold(row.get(2));
        if (!FIRST.contains(first) || !THIRD.contains(third)) {
            return null;
        }
        return SECOND.get(fold(row.get(1)));
    }

    private static String cell(List<String> row, int index) {
        if (index >= row.size() || row.get(index) == null) {
            return null;
        }
        String value = row.get(index).strip().replaceAll("\\s+", " ");
        return value.isEmpty() ? null : value;
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** The separator of the first line: a tab, a semicolon (spreadsheets in Spanish) or a comma. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0;) {
            text.append(buffer, 0, n);
        }
        // A spreadsheet's UTF-8 byte order mark.
        return text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
    }
}
