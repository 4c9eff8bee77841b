package org.learningsa.studio.cli;

import java.nio.file.Path;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options shared by {@code lsa infer} and {@code lsa bench}: where the weights come from, and the device. */
final class NetworkOptions {
    // used as a picocli @Mixin by the commands that run the network

    static final class WeightsChoice {
        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "a LearningSA checkpoint written by torch.save (zip or legacy format)")
        Path checkpoint;

        @Option(names = "--hashed-weights",
                description = "deterministic weights of the parity fixtures' formula instead of a checkpoint")
        boolean hashed;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    WeightsChoice weights;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "where to run the network (default: ${DEFAULT-VALUE}; falls back to the CPU without CUDA)")
    String device;

    /** Starts the engine and loads the network (the weights are checked against the model's manifest). */
    LearningSaNetwork openNetwork() {
        EngineRuntime runtime = EngineRuntime.start(DeviceChoice.parse(device));
        runtime.fallbackMessage().ifPresent(m -> System.err.println("note: " + m));
        LearningSaWeights loaded = weights.hashed
                ? LearningSaWeights.hashed(runtime.device())
                : LearningSaWeights.fromCheckpoint(weights.checkpoint, runtime.device());
        return new LearningSaNetwork(loaded);
    }

    /** The --checkpoint file, or null with --hashed-weights. */
    Path checkpointOrNull() {
        return weights == null || weights.hashed ? null : weights.checkpoint;
    }

    String weightsLabel() {
        return weights.hashed ? "hashed weights" : weights.checkpoint.toString();
    }
}
