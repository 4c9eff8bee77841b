package org.learningsa.studio.editing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;

/**
 * "Add this pair to a training set…": a folder in PF-PASCAL's training layout that
 * {@code lsa train --benchmark pf-pascal --data FOLDER} reads directly — the images under {@code JPEGImages/}
 * and one row per pair in {@value #CSV_NAME} (header {@link PointsExport#TRAINING_HEADER}, image paths
 * relative to the folder). Images are copied; the CSV is rewritten atomically with the new row appended.
 */
public final class TrainingSetFolder {

    /** The name {@code lsa train}/{@code lsa eval --split trn} look for in a PF-PASCAL folder. */
    public static final String CSV_NAME = "train_pairs_pf_pascal.csv";
    public static final String IMAGE_FOLDER = "JPEGImages";

    private TrainingSetFolder() {
    }

    /**
     * Copies both images into the folder (an image already there with the same content is reused; another
     * one of the same name gets the hash in its name) and appends the pair's row.
     *
     * @return the row appended
     * @throws UserFacingException when an image has no file, there are no points, or the folder cannot be written
     */
    public static String addPair(Path folder, PointsDocument document, int classId) {
        if (document.points().isEmpty()) {
            throw new UserFacingException("the pair has no points to add to the training set " + folder);
        }
        if (document.source().path() == null || document.target().path() == null) {
            throw new UserFacingException("only images opened from files can be added to a training set");
        }
        Path images = folder.resolve(IMAGE_FOLDER);
        try {
            Files.createDirectories(images);
        } catch (IOException e) {
            throw new UserFacingException("cannot create " + images + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
        String sourceName = IMAGE_FOLDER + "/" + copyIn(document.source(), images);
        String targetName = IMAGE_FOLDER + "/" + copyIn(document.target(), images);
        String row = PointsExport.trainingRow(sourceName, targetName, classId, document);
        Path csv = folder.resolve(CSV_NAME);
        StringBuilder content = new StringBuilder();
        try {
            if (Files.isRegularFile(csv)) {
                String existing = Files.readString(csv, StandardCharsets.UTF_8);
                content.append(existing);
                if (!existing.isEmpty() && !existing.endsWith("\n")) {
                    content.append('\n');
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (content.length() == 0) {
            content.append(PointsExport.TRAINING_HEADER).append('\n');
        }
        content.append(row).append('\n');
        AtomicFiles.writeString(csv, content.toString());
        return row;
    }

    /** The file name the image has in the folder once copied. */
    private static String copyIn(PointsDocument.ImageEntry image, Path images) {
        Path file = image.path();
        String sha = image.sha256().isEmpty() ? ImageHashes.sha256(file) : image.sha256();
        // the CSV is split on commas and coordinates on ';': keep both out of names
        String name = file.getFileName().toString().replaceAll("[,;\"\\s]", "_");
        Path destination = images.resolve(name);
        if (Files.exists(destination)) {
            if (ImageHashes.sha256(destination).equals(sha)) {
                return name;
            }
            name = sha.substring(0, 12).toLowerCase(Locale.ROOT) + "_" + name;
            destination = images.resolve(name);
            if (Files.exists(destination)) {
                return name;
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("cannot copy " + file + " into " + images + ": the image file is gone");
        }
        // through the one atomic writer: a half-copied image never appears under its name
        AtomicFiles.write(destination, out -> Files.copy(file, out));
        return name;
    }

    /** The class names a user picks from, in class-id order (id = index + 1). */
    public static List<String> classNames() {
        return org.learningsa.studio.data.Benchmark.pascalClassNames();
    }
}
