package org.learningsa.studio.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;

/**
 * Reads the PF-style CSVs: LearningSA's (and SFNet's) layout with {@code ;}-joined coordinate strings
 * (col 0/1 image A/B, col 2 class id 1-based, col 3..6 XA, YA, XB, YB, col 7 L_pck on PF-PASCAL's
 * bbox files, an optional {@code domain} column on CroDom), and weakalign's 42-column PF-WILLOW
 * {@code test_pairs.csv} (A's x1..x10, y1..y10, then B's).
 */
final class PfCsvReader {

    /** PASCAL VOC class names in the order of the 1-based class ids of the PF-PASCAL CSVs. */
    static final List<String> PASCAL_CLASSES = List.of("aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car",
            "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
            "train", "tvmonitor");

    /** Columns of weakalign's PF-WILLOW test_pairs.csv: 2 image paths + 4 × 10 coordinates. */
    static final int WILLOW_ORIGINAL_COLUMNS = 42;
    private static final int WILLOW_POINTS = 10;

    private PfCsvReader() {
    }

    /** True when the CSV has weakalign's 42-column PF-WILLOW layout rather than the 7/8-column one. */
    static boolean isWillowOriginalLayout(CsvTable table) {
        return table.header().size() >= WILLOW_ORIGINAL_COLUMNS;
    }

    static Dataset read(Benchmark benchmark, CsvTable table, ImageResolver images, String layoutName) {
        boolean willowOriginal = isWillowOriginalLayout(table);
        int domainColumn = benchmark == Benchmark.CRODOM ? table.column("domain") : -1;
        boolean hasThresholdColumn = !willowOriginal && table.header().size() > 7 && domainColumn != 7;
        List<KeypointPair> pairs = new ArrayList<>();
        List<SkippedPair> skipped = new ArrayList<>();
        String fileName = table.file().getFileName().toString();
        for (CsvTable.Row row : table.rows()) {
            String where = fileName + " line " + row.lineNumber();
            try {
                KeypointPair pair = willowOriginal
                        ? willowOriginalRow(row, where, images)
                        : semicolonRow(benchmark, row, where, images, hasThresholdColumn, domainColumn);
                String missing = missingImages(pair, row, images);
                if (missing != null) {
                    skipped.add(new SkippedPair(where, missing));
                } else {
                    pairs.add(pair);
                }
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedPair(where, e.getMessage()));
            }
        }
        String description = fileName + " (" + (willowOriginal ? "weakalign 42-column PF-WILLOW layout" : layoutName)
                + "), images under " + (images.roots().isEmpty() ? "(no folder found)" : images.roots().get(0));
        return new Dataset(benchmark, description, table.file(), pairs, skipped);
    }

    private static String missingImages(KeypointPair pair, CsvTable.Row row, ImageResolver images) {
        List<String> missing = new ArrayList<>();
        if (pair.sourceImage() == null) {
            missing.add("image A not found: " + images.expectedLocation(pair.sourceName()));
        }
        if (pair.targetImage() == null) {
            missing.add("image B not found: " + images.expectedLocation(pair.targetName()));
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    private static KeypointPair semicolonRow(Benchmark benchmark, CsvTable.Row row, String where, ImageResolver images,
                                             boolean hasThresholdColumn, int domainColumn) {
        if (row.cells().size() < 7) {
            throw new IllegalArgumentException("expected at least 7 columns (image A, image B, class, XA, YA, XB, YB), found "
                    + row.cells().size());
        }
        String sourceName = row.cell(0);
        String targetName = row.cell(1);
        double[] xa = coordinates(row.cell(3), "XA");
        double[] ya = coordinates(row.cell(4), "YA");
        double[] xb = coordinates(row.cell(5), "XB");
        double[] yb = coordinates(row.cell(6), "YB");
        if (xa.length != ya.length || xb.length != yb.length || xa.length != xb.length) {
            throw new IllegalArgumentException("keypoint lists differ in length (XA " + xa.length + ", YA " + ya.length
                    + ", XB " + xb.length + ", YB " + yb.length + ")");
        }
        double threshold = Double.NaN;
        if (hasThresholdColumn && !row.cell(7).isEmpty()) {
            threshold = number(row.cell(7), "L_pck (column 7)");
        }
        String domain = domainColumn >= 0 ? row.cell(domainColumn) : null;
        String category = category(benchmark, row.cell(2), sourceName);
        return new KeypointPair(where, sourceName, targetName, images.resolve(sourceName).orElse(null),
                images.resolve(targetName).orElse(null), category, domain, xa, ya, xb, yb, null, threshold);
    }

    private static KeypointPair willowOriginalRow(CsvTable.Row row, String where, ImageResolver images) {
        if (row.cells().size() < WILLOW_ORIGINAL_COLUMNS) {
            throw new IllegalArgumentException("expected " + WILLOW_ORIGINAL_COLUMNS + " columns, found " + row.cells().size());
        }
        double[][] lists = new double[4][WILLOW_POINTS];
        for (int list = 0; list < 4; list++) {
            for (int k = 0; k < WILLOW_POINTS; k++) {
                int column = 2 + list * WILLOW_POINTS + k;
                lists[list][k] = (float) number(row.cell(column), "column " + column);
                if (!Double.isFinite(lists[list][k])) {
                    throw new IllegalArgumentException("column " + column + " is out of float32 range");
                }
            }
        }
        String sourceName = row.cell(0);
        String targetName = row.cell(1);
        return new KeypointPair(where, sourceName, targetName, images.resolve(sourceName).orElse(null),
                images.resolve(targetName).orElse(null), parentFolder(sourceName).orElse("unknown"), null,
                lists[0], lists[1], lists[2], lists[3], null, Double.NaN);
    }

    /** "12;34.5;-1" → {12, 34.5, -1} at float32 precision, as numpy's fromstring(sep=';') then astype(float32). */
    static double[] coordinates(String text, String column) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] parts = t.split(";");
        if (parts.length > InputLimits.MAX_KEYPOINTS_PER_PAIR) {
            throw new IllegalArgumentException(column + " lists " + parts.length + " coordinates (at most "
                    + InputLimits.MAX_KEYPOINTS_PER_PAIR + ")");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = (float) number(parts[i], column);
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(column + " value " + (i + 1) + " is out of float32 range: '"
                        + EchoedText.name(parts[i].trim()) + "'");
            }
        }
        return values;
    }

    /** A finite number (NaN, Infinity and 1e400 are refused: they would be counted as misses, not as errors). */
    private static double number(String text, String what) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: '" + EchoedText.name(text.trim()) + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is not a finite number: '" + EchoedText.name(text.trim()) + "'");
        }
        return value;
    }

    private static String category(Benchmark benchmark, String classCell, String sourceName) {
        Integer classId = null;
        try {
            classId = (int) Double.parseDouble(classCell);
        } catch (NumberFormatException e) {
            if (!classCell.isBlank()) {
                return classCell;
            }
        }
        if (benchmark == Benchmark.PF_PASCAL && classId != null && classId >= 1 && classId <= PASCAL_CLASSES.size()) {
            return PASCAL_CLASSES.get(classId - 1);
        }
        if (benchmark == Benchmark.PF_WILLOW) {
            Optional<String> folder = parentFolder(sourceName);
            if (folder.isPresent()) {
                return folder.get();
            }
        }
        return classId == null ? "unknown" : "class " + classId;
    }

    /** "PF-dataset/car(G)/car_0001.png" → "car(G)". */
    private static Optional<String> parentFolder(String imageName) {
        Path parent = Path.of(imageName.trim().replace('\\', '/')).getParent();
        return parent == null ? Optional.empty() : Optional.of(parent.getFileName().toString());
    }
}
