package org.learningsa.studio.cli;

import java.nio.file.Path;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which aligner a command that aligns two images uses ({@code lsa match}, {@code lsa style}): the best
 * LearningSA checkpoint found unless told otherwise, else the weight-free default. A picocli mixin.
 */
final class AlignerOptions {

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "a LearningSA checkpoint (default: the best one found in the weights folders, "
                    + "else the weight-free default aligner)")
    Path checkpoint;

    @Option(names = "--default-aligner",
            description = "use the weight-free default aligner (hand-crafted descriptors, not semantic) even when a "
                    + "checkpoint is found")
    boolean defaultAligner;

    @Option(names = "--hashed-weights",
            description = "the LearningSA network with the parity fixtures' deterministic, untrained weights: "
                    + "tests the network path without a checkpoint; the matches mean nothing")
    boolean hashedWeights;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "where to run the network (default: ${DEFAULT-VALUE}; falls back to the CPU without CUDA)")
    String device;

    /** The device asked for; a usage error (exit 2) for conflicting or unknown choices. */
    DeviceChoice checkedDevice(CommandSpec spec) {
        if ((defaultAligner ? 1 : 0) + (hashedWeights ? 1 : 0) + (checkpoint != null ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(),
                    "--checkpoint, --default-aligner and --hashed-weights exclude each other");
        }
        try {
            return DeviceChoice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A registry whose engine starts on first use, noting a CPU fallback on stderr. */
    static ModelRegistry registry(DeviceChoice choice) {
        return new ModelRegistry(() -> {
            EngineRuntime runtime = EngineRuntime.start(choice);
            runtime.fallbackMessage().ifPresent(m -> System.err.println("note: " + m));
            return runtime.device();
        });
    }

    /** The aligner these options name, from the registry (a checkpoint is loaded and checked on first use). */
    Aligner aligner(ModelRegistry registry) {
        return defaultAligner ? registry.defaultAligner()
                : hashedWeights ? registry.hashedWeightsAligner() : new MatchService(registry).alignerFor(checkpoint);
    }
}
