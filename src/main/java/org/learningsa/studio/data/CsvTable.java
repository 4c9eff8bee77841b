package org.learningsa.studio.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.UserFacingException;

/**
 * A comma-separated file read the way pandas' {@code read_csv} reads the benchmark files: the first
 * line is the header, double quotes may enclose a field, blank lines are ignored. Line numbers are
 * kept for messages.
 */
record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One data line; {@code lineNumber} is 1-based in the file (the header is line 1). */
    record Row(int lineNumber, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }

    static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            if (header == null) {
                header = cells;
            } else {
                rows.add(new Row(i + 1, cells));
            }
        }
        if (header == null) {
            throw new UserFacingException(file + " is empty (expected a header line and one pair per line)");
        }
        return new CsvTable(file, header, rows);
    }

    /** Index of the header column named {@code name} (case-insensitive), or -1. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
