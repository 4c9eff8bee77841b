package org.learningsa.studio.ui.train;

import java.nio.file.Path;

/**
 * A line of the runs list.
 *
 * @param startModel       what the run started from ("hashed test weights", "best_checkpoint_pascal.pt"), "–" when unknown
 * @param dataset          the training data ("pf-pascal: train_pairs.csv"), "–" when unknown
 * @param steps            the last logged step
 * @param bestValidationPck the best PCK@0.1 on the validation CSV (a fraction), NaN when never validated
 * @param resumable        whether state.pt and last.pt are there
 */
record RunSummary(Path folder, String startModel, String dataset, long steps, double bestValidationPck, boolean resumable) {

    String name() {
        return folder.getFileName().toString();
    }

    /** Reads a run folder (its whole metrics.jsonl: call it from a worker). */
    static RunSummary read(Path folder, RunSettingsReader settings) {
        RunCurves curves = new RunCurves();
        curves.append(MetricsTail.readAll(folder.resolve(RunFolders.METRICS_FILE)));
        RunSettingsReader.Origin origin = settings.read(folder);
        return new RunSummary(folder, origin.startModel(), origin.dataset(), curves.lastStep(), curves.bestValidation(),
                RunFolders.isResumable(folder));
    }
}
