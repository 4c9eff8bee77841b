package org.learningsa.studio.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.CsvTable;

/**
 * Reads the pairs CSV of {@code lsa batch}: a header with {@code source} and {@code target} and optionally
 * {@code name}, one pair per line; image paths relative to the CSV's folder or absolute. A file without those
 * columns is bad input (the whole run stops before any work); a bad row only gets its {@link BatchRow#problem},
 * so the run reports it by number and goes on with the others.
 */
public final class PairsCsv {

    /** Longest row name: a folder name every file system takes. */
    static final int MAX_NAME_CHARS = 120;

    private PairsCsv() {
    }

    /** The rows of {@code csv}, in file order. */
    public static List<BatchRow> read(Path csv) {
        CsvTable table = CsvTable.read(csv);
        int sourceColumn = table.column("source");
        int targetColumn = table.column("target");
        int nameColumn = table.column("name");
        if (sourceColumn < 0 || targetColumn < 0) {
            throw new UserFacingException(csv + " needs a header line naming the columns source and target (and "
                    + "optionally name), found: " + String.join(",", table.header()));
        }
        Path folder = csv.toAbsolutePath().normalize().getParent();
        int width = Math.max(4, Integer.toString(table.rows().size()).length());
        Map<String, Integer> rowOfName = new HashMap<>();
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            CsvTable.Row row = table.rows().get(i);
            int number = i + 1;
            String given = nameColumn < 0 ? "" : row.cell(nameColumn);
            String name = given.isEmpty() ? String.format(Locale.ROOT, "%0" + width + "d", number) : given;
            String problem = nameProblem(name);
            String sourceCell = row.cell(sourceColumn);
            String targetCell = row.cell(targetColumn);
            Path source = resolve(folder, sourceCell);
            Path target = resolve(folder, targetCell);
            if (problem == null && source == null) {
                problem = sourceCell.isEmpty() ? "no source image" : "the source '" + sourceCell + "' is not a valid path";
            }
            if (problem == null && target == null) {
                problem = targetCell.isEmpty() ? "no target image" : "the target '" + targetCell + "' is not a valid path";
            }
            if (problem == null) {
                Integer earlier = rowOfName.putIfAbsent(name.toLowerCase(Locale.ROOT), number);
                if (earlier != null) {
                    // compared without case: two such folders are one on macOS and Windows
                    problem = "the name '" + name + "' is already used by row " + earlier;
                }
            }
            rows.add(new BatchRow(number, row.lineNumber(), name, source, target, problem));
        }
        return List.copyOf(rows);
    }

    private static Path resolve(Path folder, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return folder.resolve(cell).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Why {@code name} cannot be a folder of the output, or null when it can. */
    static String nameProblem(String name) {
        if (name.length() > MAX_NAME_CHARS) {
            return "the name is longer than " + MAX_NAME_CHARS + " characters";
        }
        if (name.startsWith(".")) {
            return "the name '" + name + "' starts with a dot (hidden folders hold the run's own bookkeeping)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f) {
                return "the name '" + name + "' holds a character a folder name cannot (/ \\ : or a control character)";
            }
        }
        if (BatchFolder.RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return "the name '" + name + "' is the run's own file";
        }
        return null;
    }
}
