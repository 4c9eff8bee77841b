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
        return "\"" + e.folder().getFileName() + "\" (" + e.folder() + ") is not a " + benchmark.displayName()
                + " folder: " + String.join(" and ", e.missing()) + (e.missing().size() == 1 ? " is" : " are")
                + " missing. Choose " + where + ", the one that contains " + String.join(" and ", e.expected())
                + " — or pick the benchmark this folder holds.";
    }
}
