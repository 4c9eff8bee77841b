package org.learningsa.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.ui.StudioPreferences;

/**
 * What the training panel remembers between runs of the app: the benchmark, the dataset folder, its CSV and
 * Max steps, so a user who trains on the same data again does not choose it all again. A folder or CSV that
 * went away is not restored.
 */
final class TrainingFormMemory {

    static final String BENCHMARK = "train.benchmark";
    static final String DATA_FOLDER = "train.dataFolder";
    static final String CSV = "train.csv";
    static final String MAX_STEPS = "train.maxSteps";

    private TrainingFormMemory() {
    }

    /** Restores the remembered values into {@code form}, then keeps remembering its changes. */
    static void attach(TrainingViewModel form, StudioPreferences preferences) {
        try {
            form.benchmarkProperty().set(Benchmark.valueOf(preferences.get(BENCHMARK, form.benchmarkProperty().get().name())));
        } catch (IllegalArgumentException unknown) {
            // a benchmark of another version: keep the default
        }
        existing(preferences.get(DATA_FOLDER, ""), true).ifPresent(form.dataFolderProperty()::set);
        existing(preferences.get(CSV, ""), false).ifPresent(form.csvProperty()::set);
        form.maxStepsProperty().set(Math.max(0, preferences.getInt(MAX_STEPS, form.maxStepsProperty().get())));

        form.benchmarkProperty().addListener((obs, old, now) -> {
            if (now != null) {
                preferences.put(BENCHMARK, now.name());
            }
        });
        form.dataFolderProperty().addListener((obs, old, now) -> preferences.put(DATA_FOLDER, now == null ? "" : now.toString()));
        form.csvProperty().addListener((obs, old, now) -> preferences.put(CSV, now == null ? "" : now.toString()));
        form.maxStepsProperty().addListener((obs, old, now) -> preferences.putInt(MAX_STEPS, now.intValue()));
    }

    private static java.util.Optional<Path> existing(String value, boolean folder) {
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path path = Path.of(value);
        return (folder ? Files.isDirectory(path) : Files.isRegularFile(path)) ? java.util.Optional.of(path) : java.util.Optional.empty();
    }
}
