package org.learningsa.studio.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;

/**
 * {@code index.csv} and {@code keypoints.csv}, rebuilt from the row folders (never appended to), so every shard
 * can rebuild them at its end and the last one to finish leaves the whole picture; a shard still running shows
 * its rows as pending.
 *
 * <p>index.csv: {@code row,name,status,mean_confidence,seconds,source,target,message} with status done, failed
 * or pending. keypoints.csv: {@code row,name,keypoint,x,y,confidence}, one line per row and transferred keypoint.
 */
public final class BatchIndex {

    public static final String INDEX_HEADER = "row,name,status,mean_confidence,seconds,source,target,message";
    public static final String KEYPOINTS_HEADER = "row,name,keypoint,x,y,confidence";

    private BatchIndex() {
    }

    /** Rewrites both files from the folders; keypoints.csv only when some row holds transferred points. */
    public static void rebuild(BatchFolder folder, List<BatchRow> rows) {
        StringBuilder index = new StringBuilder(INDEX_HEADER).append('\n');
        StringBuilder keypoints = new StringBuilder(KEYPOINTS_HEADER).append('\n');
        boolean anyKeypoints = false;
        for (BatchRow row : rows) {
            Path rowFolder = folder.rowFolder(row.name());
            // a failure file means the row's last attempt failed (a success deletes it), whatever an older folder says
            String failure = row.usable() ? folder.failure(row.name()) : row.problem();
            RowRecord record = failure == null ? RowRecord.read(rowFolder) : null;
            String status = failure != null ? "failed" : record != null ? "done" : "pending";
            String message = failure != null ? failure : "";
            index.append(row.number()).append(',').append(cell(row.name())).append(',').append(status).append(',')
                    .append(record == null || Double.isNaN(record.meanConfidence()) ? ""
                            : String.format(Locale.ROOT, "%.6f", record.meanConfidence())).append(',')
                    .append(record == null ? "" : String.format(Locale.ROOT, "%.3f", record.seconds())).append(',')
                    .append(cell(row.source() == null ? "" : row.source().toString())).append(',')
                    .append(cell(row.target() == null ? "" : row.target().toString())).append(',')
                    .append(cell(message)).append('\n');
            Path points = rowFolder.resolve(BatchSettings.POINTS);
            if (record != null && Files.isRegularFile(points)) {
                anyKeypoints = true;
                appendKeypoints(keypoints, row, PointsFile.read(points));
            }
        }
        AtomicFiles.writeString(folder.index(), index.toString());
        if (anyKeypoints) {
            AtomicFiles.writeString(folder.keypoints(), keypoints.toString());
        }
    }

    private static void appendKeypoints(StringBuilder csv, BatchRow row, PointsDocument document) {
        for (UserPoint point : document.points()) {
            csv.append(row.number()).append(',').append(cell(row.name())).append(',')
                    .append(cell(point.label().isEmpty() ? point.id() : point.label())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f,", point.target().x(), point.target().y()))
                    .append(point.hasConfidence() ? String.format(Locale.ROOT, "%.6f", point.confidence()) : "")
                    .append('\n');
        }
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    static String cell(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
