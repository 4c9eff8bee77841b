package org.learningsa.studio.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;

/** The fine-tuning fixture (../shared/fixtures/train): 2 pairs and the reference train.py loop's 3 steps. */
final class TrainFixture {

    private TrainFixture() {
    }

    static Optional<Path> dir() {
        Path dir = Paths.get(System.getProperty("lsa.fixtures", "../shared/fixtures")).resolve("train");
        return Files.isRegularFile(dir.resolve("expected.json")) ? Optional.of(dir) : Optional.empty();
    }

    static JsonNode expected(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's run: hashed weights, train.py's defaults, no validation, no epoch_NNN.pt, {@code maxSteps} steps. */
    static TrainingSettings settings(Path dir, Path runDir, long maxSteps) {
        return new TrainingSettings(Benchmark.PF_PASCAL, dir, dir.resolve("train_pairs.csv"), null, true, runDir,
                TrainingSettings.DEFAULT_EPOCHS, maxSteps, TrainingSettings.DEFAULT_LEARNING_RATE,
                TrainingSettings.DEFAULT_GAMMA, List.of(30), null, null, false, 0, DeviceChoice.CPU, null);
    }
}
