package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.core.AppInfo;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa doctor}: what runs where, so a user can tell what is wrong before filing a bug. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print the Java, DJL and PyTorch versions, the device in use, where the natives are, "
                + "which folders are searched for checkpoints and which checkpoints were found.")
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE})")
    String device;

    @Override
    public Integer call() throws Exception {
        DeviceChoice choice = DeviceChoice.parse(device);
        PrintWriter out = spec.commandLine().getOut();
        out.println(AppInfo.NAME + " " + AppInfo.version());
        out.println("Java:            " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.println("DJL:             " + ai.djl.engine.Engine.getDjlVersion());
        out.println("Offline mode:    " + System.getProperty("ai.djl.offline", "false"));
        EngineRuntime runtime = EngineRuntime.start(choice);
        out.println("Engine:          " + runtime.engineDescription());
        out.println("Device:          " + runtime.deviceDescription());
        runtime.fallbackMessage().ifPresent(m -> out.println("Note:            " + m));
        out.println("CUDA:            " + (ai.djl.util.cuda.CudaUtils.hasCuda()
                ? ai.djl.util.cuda.CudaUtils.getCudaVersionString() + ", " + ai.djl.util.cuda.CudaUtils.getGpuCount() + " GPU(s)"
                : "not available"));
        out.println("Natives:         " + EngineRuntime.nativeCacheDir());
        out.println("Threads:         " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println("Checkpoint folders searched:");
        for (Path dir : AppPaths.checkpointSearchDirs()) {
            out.println("  " + dir + (Files.isDirectory(dir) ? "" : "  (does not exist)"));
        }
        // the same search and verdict as match and the app: only LearningSA checkpoints count as found
        try (ModelRegistry registry = new ModelRegistry(runtime::device, AppPaths.checkpointSearchDirs())) {
            List<ModelRegistry.CheckpointInfo> found = registry.checkpoints();
            out.println("Checkpoints found: " + (found.isEmpty() ? "none (the weight-free default aligner is used; see weights/README.md)" : ""));
            for (ModelRegistry.CheckpointInfo info : found) {
                out.printf(java.util.Locale.ROOT, "  %s (%.1f MB)%n", info.file(), info.sizeBytes() / 1e6);
            }
            Map<Path, String> rejected = registry.rejectedFiles();
            if (!rejected.isEmpty()) {
                out.println("Skipped (not usable checkpoints):");
                rejected.forEach((file, reason) -> out.println("  " + reason));
            }
        }
        out.flush();
        return 0;
    }
}
