package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.NetworkOutputs;
import org.learningsa.studio.engine.NpzArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa infer}: the network on preprocessed inputs, writing the 40 reference outputs. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Run the LearningSA network on preprocessed inputs (an .npz with float32 'source' and 'target', "
                + "each 1x3x320x320) and write its 40 outputs (grid_*, flow_*, smoothness_*, warped_flow_*, "
                + "fused and per level _1.._4) to an .npz with the reference names and shapes.")
public final class InferCommand implements Callable<Integer> {

    private static final long[] INPUT_SHAPE = {1, 3, 320, 320};

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--inputs", required = true, paramLabel = "PAIR.npz",
            description = "float32 arrays 'source' and 'target', 1x3x320x320, normalised as the reference does")
    Path inputs;

    @Option(names = "--output", required = true, paramLabel = "OUT.npz", description = "where to write the 40 outputs")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(inputs)) {
            throw new UserFacingException(inputs + ": no such file");
        }
        OutputGuard.create().input("the --inputs file", inputs).input("the checkpoint", network.checkpointOrNull())
                .output("--output", output).check();
        NpzArchive archive = NpzArchive.read(inputs);
        float[] source = input(archive, "source");
        float[] target = input(archive, "target");
        PrintWriter out = spec.commandLine().getOut();
        try (LearningSaNetwork net = network.openNetwork()) {
            long start = System.nanoTime();
            NetworkOutputs outputs = net.forward(source, target, new ProgressLine(spec.commandLine().getErr(), "lsa infer"),
                    CancelToken.NEVER);
            long millis = (System.nanoTime() - start) / 1_000_000;
            ProgressLine.endOpenLine();
            NpzArchive.write(output, outputs.referenceOutputsAsNpy());
            out.printf("wrote %d outputs to %s (forward %d ms on %s, %s)%n", NetworkOutputs.OUTPUT_NAMES.size(), output,
                    millis, net.device(), network.weightsLabel());
        }
        out.flush();
        return 0;
    }

    private float[] input(NpzArchive archive, String name) {
        if (!archive.contains(name)) {
            throw new UserFacingException(inputs + ": has no array '" + name + "' (found " + archive.names() + ")");
        }
        if (!Arrays.equals(archive.shape(name), INPUT_SHAPE) || !archive.get(name).descr().equals("<f4")) {
            throw new UserFacingException(inputs + ": array '" + name + "' must be float32 1x3x320x320, is "
                    + archive.get(name).descr() + " " + Arrays.toString(archive.shape(name)));
        }
        return archive.floats(name);
    }
}
