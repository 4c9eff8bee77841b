package org.learningsa.studio.ui;

import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.NotADatasetFolderException;

/**
 * What to tell a user of the app whose folder is not the benchmark's: the folder, what is missing, and
 * which folder to choose instead, in the window's words (the command line's message names its options). The
 * evaluation window and the training panel both say it.
 */
public final class FolderAdvice {

    private FolderAdvice() {
    }

    public static String of(NotADatasetFolderException e) {
        Benchmark benchmark = e.benchmark();
        String where = benchmark == Benchmark.SPAIR
                ? "SPair-71k's own folder (or the folder above it that holds SPair-71k/)"
                : "LearningSA's data/ folder (or the folder above it)";
        String csvHint = otherCsvs(e.folder()).stream().findFirst()
                .map(csv -> " It holds " + csv + ": if that is the pairs list, choose it in the CSV field.").orElse("");
        return "\"" + e.folder().getFileName() + "\" (" + e.folder() + ") is not a " + benchmark.displayName()
                + " folder: " + String.join(" and ", e.missing()) + (e.missing().size() == 1 ? " is" : " are")
                + " missing. Choose " + where + ", the one that contains " + String.join(" and ", e.expected())
                + " — or pick the benchmark this folder holds." + csvHint;
    }

    /** CSV files in the folder or its data/ subfolder (relative names, sorted): a pairs list under another name. */
    static java.util.List<String> otherCsvs(java.nio.file.Path folder) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (java.nio.file.Path dir : new java.nio.file.Path[] {folder, folder.resolve("data")}) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                        .filter(java.nio.file.Files::isRegularFile).limit(20)
                        .map(f -> folder.relativize(f).toString()).sorted().forEach(found::add);
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // an unreadable folder: the advice above still holds
            }
        }
        return found;
    }
}
