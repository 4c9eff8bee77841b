package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
        PrintWriter out = spec.commandLine().getOut();
        out.println(AppInfo.NAME + " " + AppInfo.version());
        out.println("Java:            " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.println("DJL:             " + ai.djl.engine.Engine.getDjlVersion());
        out.println("Offline mode:    " + System.getProperty("ai.djl.offline", "false"));
        EngineRuntime runtime = EngineRuntime.start(DeviceChoice.parse(device));
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
        List<Path> found = findCheckpoints();
        out.println("Checkpoints found: " + (found.isEmpty() ? "none (the weight-free default aligner is used; see weights/README.md)" : ""));
        for (Path file : found) {
            out.printf("  %s (%.1f MB)%n", file, Files.size(file) / 1e6);
        }
        out.flush();
        return 0;
    }

    private static List<Path> findCheckpoints() throws java.io.IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (Path dir : AppPaths.checkpointSearchDirs()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> {
                    String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    return name.endsWith(".pt") || name.endsWith(".pth");
                }).sorted().forEach(found::add);
            }
        }
        return found;
    }
}
