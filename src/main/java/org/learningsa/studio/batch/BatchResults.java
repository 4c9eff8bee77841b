package org.learningsa.studio.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.CsvTable;

/**
 * A batch output folder read back for review (File → Open batch results… in the app): every row of its
 * {@code index.csv} with the files its folder holds.
 */
public final class BatchResults {

    /**
     * One row of a finished or partly finished run.
     *
     * @param status         done, failed or pending, as index.csv says
     * @param meanConfidence NaN when the row is not done or has no matches
     * @param points         the row's transferred keypoints (points.json), or null
     * @param figure         the row's figure, or null
     * @param message        why it failed, else ""
     */
    public record Row(int number, String name, String status, double meanConfidence, double seconds, Path source,
                      Path target, Path points, Path figure, Path warped, String message) {

        public boolean done() {
            return "done".equals(status);
        }
    }

    private BatchResults() {
    }

    /** @throws UserFacingException when {@code folder} holds no index.csv of a batch run */
    public static List<Row> read(Path folder) {
        BatchFolder batch = new BatchFolder(folder);
        Path index = batch.index();
        if (!Files.isRegularFile(index)) {
            throw new UserFacingException(folder + " is not the output folder of lsa batch (it has no " + BatchFolder.INDEX
                    + ")");
        }
        CsvTable table = CsvTable.read(index);
        int[] columns = new int[8];
        String[] names = BatchIndex.INDEX_HEADER.split(",");
        for (int i = 0; i < names.length; i++) {
            columns[i] = table.column(names[i]);
            if (columns[i] < 0) {
                throw new UserFacingException(index + " has no column " + names[i] + " (not written by lsa batch?)");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row line : table.rows()) {
            try {
                String name = line.cell(columns[1]);
                Path rowFolder = batch.rowFolder(name);
                String status = line.cell(columns[2]);
                boolean done = "done".equals(status);
                rows.add(new Row(Integer.parseInt(line.cell(columns[0])), name, status, number(line.cell(columns[3])),
                        number(line.cell(columns[4])), path(line.cell(columns[5])), path(line.cell(columns[6])),
                        done ? existing(rowFolder.resolve(BatchSettings.POINTS)) : null,
                        done ? figure(rowFolder) : null,
                        done ? existing(rowFolder.resolve(BatchSettings.WARPED)) : null, line.cell(columns[7])));
            } catch (RuntimeException e) {
                throw new UserFacingException(index + " line " + line.lineNumber() + " cannot be read: " + e.getMessage(), e);
            }
        }
        return List.copyOf(rows);
    }

    private static Path figure(Path rowFolder) {
        for (String extension : List.of("png", "svg", "pdf")) {
            Path file = rowFolder.resolve(BatchSettings.FIGURE + "." + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }

    private static Path path(String cell) {
        return cell.isEmpty() ? null : Path.of(cell);
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
