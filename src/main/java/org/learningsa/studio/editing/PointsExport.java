package org.learningsa.studio.editing;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.learningsa.studio.core.AtomicFiles;

/**
 * The points as CSV: the plain table {@code x_source,y_source,x_target,y_target,label,origin}, and the
 * PF-PASCAL training row {@code source,target,class,XA,YA,XB,YB} (coordinates joined by ';', class 1-based)
 * that {@code lsa train --benchmark pf-pascal} reads.
 */
public final class PointsExport {

    public static final String PLAIN_HEADER = "x_source,y_source,x_target,y_target,label,origin";
    /** The training CSV header, as the reference's training files (and the train fixture) spell it. */
    public static final String TRAINING_HEADER = "source_image,target_image,class,XA,YA,XB,YB";

    private PointsExport() {
    }

    public static String plainCsv(List<UserPoint> points) {
        StringBuilder out = new StringBuilder(PLAIN_HEADER).append('\n');
        for (UserPoint p : points) {
            out.append(number(p.source().x())).append(',').append(number(p.source().y())).append(',')
                    .append(number(p.target().x())).append(',').append(number(p.target().y())).append(',')
                    .append(quoted(p.label())).append(',').append(p.origin().fileName()).append('\n');
        }
        return out.toString();
    }

    public static void writePlainCsv(Path file, List<UserPoint> points) {
        AtomicFiles.writeString(file, plainCsv(points));
    }

    /**
     * One training row. Coordinates are clamped to the outer pixel centres [0, size − 1]: the trainer
     * indexes the target at round(x), round(y), and a point on the pixel edge (size − 0.5) would round
     * past the image.
     *
     * @param classId PF-PASCAL's 1-based class id ({@link org.learningsa.studio.data.Benchmark#pascalClassNames()})
     */
    public static String trainingRow(String sourceName, String targetName, int classId, PointsDocument document) {
        if (document.points().isEmpty()) {
            throw new IllegalArgumentException("a training row needs at least one point");
        }
        List<UserPoint> points = document.points();
        PointsDocument.ImageEntry s = document.source();
        PointsDocument.ImageEntry t = document.target();
        return quoted(sourceName) + "," + quoted(targetName) + "," + classId + ","
                + joined(points, p -> clamp(p.source().x(), s.width())) + ","
                + joined(points, p -> clamp(p.source().y(), s.height())) + ","
                + joined(points, p -> clamp(p.target().x(), t.width())) + ","
                + joined(points, p -> clamp(p.target().y(), t.height()));
    }

    private static String joined(List<UserPoint> points, ToDoubleFunction<UserPoint> coordinate) {
        StringBuilder out = new StringBuilder();
        for (UserPoint p : points) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(number(coordinate.applyAsDouble(p)));
        }
        return out.toString();
    }

    private static double clamp(double coordinate, int size) {
        return Math.max(0, Math.min(size - 1, coordinate));
    }

    /** At most 3 decimals, no trailing zeros ("12.5", "7"). */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String quoted(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
