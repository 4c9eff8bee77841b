package org.learningsa.studio.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * A comma-separated file read the way pandas' {@code read_csv} reads the benchmark files: the first
 * line is the header, double quotes may enclose a field, blank lines are ignored. Line numbers are
 * kept for messages.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One data line; {@code lineNumber} is 1-based in the file (the header is line 1). */
    public record Row(int lineNumber, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }
    }

    /**
     * Reads the file with bounded memory: lines over {@link InputLimits#CSV_MAX_LINE_CHARS} characters, fields
     * over {@link InputLimits#CSV_MAX_FIELD_CHARS} and more than {@link InputLimits#CSV_MAX_ROWS} rows are refused
     * as soon as they are met (a 2 GB line used to end in OutOfMemoryError after minutes).
     */
    public static CsvTable read(Path file) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int lineNumber = 0;
            boolean more = true;
            while (more) {
                line.setLength(0);
                more = readLine(reader, line, file, lineNumber + 1);
                if (!more && line.length() == 0) {
                    break;
                }
                lineNumber++;
                if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
                    line.deleteCharAt(0);
                }
                if (line.toString().isBlank()) {
                    continue;
                }
                List<String> cells = split(line.toString());
                for (String cell : cells) {
                    if (cell.length() > InputLimits.CSV_MAX_FIELD_CHARS) {
                        throw new UserFacingException(file + " line " + lineNumber + " has a field of " + cell.length()
                                + " characters (at most " + InputLimits.CSV_MAX_FIELD_CHARS + "; a PF row holds a few "
                                + "hundred numbers)");
                    }
                }
                if (header == null) {
                    header = cells;
                } else if (rows.size() >= InputLimits.CSV_MAX_ROWS) {
                    throw new UserFacingException(file + " has more than " + InputLimits.CSV_MAX_ROWS + " rows");
                } else {
                    rows.add(new Row(lineNumber, cells));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserFacingException("cannot read " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new UserFacingException(file + " is empty (expected a header line and one pair per line)");
        }
        return new CsvTable(file, header, rows);
    }

    /** Appends one line (without its newline) to {@code line}; false at the end of the file. */
    private static boolean readLine(Reader reader, StringBuilder line, Path file, int lineNumber) throws IOException {
        while (true) {
            int c = reader.read();
            if (c < 0) {
                return false;
            }
            if (c == '\n') {
                return true;
            }
            if (line.length() >= InputLimits.CSV_MAX_LINE_CHARS) {
                throw new UserFacingException(file + " line " + lineNumber + " is longer than "
                        + InputLimits.CSV_MAX_LINE_CHARS + " characters (a PF row holds a few hundred numbers); "
                        + "not a dataset CSV?");
            }
            line.append((char) c);
        }
    }

    /** Index of the header column named {@code name} (case-insensitive), or -1. */
    public int column(String name) {
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
