package org.learningsa.studio.ui.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.train.MetricsLog;

/**
 * Run folders as {@code lsa train} lays them out ({@code metrics.jsonl}, {@code last.pt},
 * {@code epoch_NNN.pt}, {@code state.pt}) and where the panel puts new ones: a timestamped folder
 * under {@code runs/} in the user data folder.
 */
public final class RunFolders {

    static final String METRICS_FILE = MetricsLog.FILE_NAME;
    static final String LAST_CHECKPOINT = "last.pt";
    static final String STATE_FILE = "state.pt";
    private static final Pattern EPOCH_CHECKPOINT = Pattern.compile("epoch_(\\d+)\\.pt");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** Where the panel keeps runs: {@code <user data folder>/runs}. */
    public static Path runsRoot() {
        return AppPaths.userDataDir().resolve("runs");
    }

    /** A new run folder name under {@code root} that does not exist yet ({@code run-20261201-204501}). */
    static Path newRunFolder(Path root, LocalDateTime now) {
        String base = "run-" + STAMP.format(now);
        Path candidate = root.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = root.resolve(base + "-" + n);
        }
        return candidate;
    }

    /** Whether {@code folder} holds a run that can be resumed (its optimiser state was saved). */
    static boolean isResumable(Path folder) {
        return folder != null && Files.isRegularFile(folder.resolve(STATE_FILE)) && Files.isRegularFile(folder.resolve(LAST_CHECKPOINT));
    }

    /** The epoch of {@code epoch_NNN.pt}, or -1 for another name. */
    static int epochOf(Path checkpoint) {
        Matcher m = EPOCH_CHECKPOINT.matcher(checkpoint.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The folders directly under {@code root} that hold a metrics.jsonl, newest first. */
    static List<Path> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(dir -> Files.isRegularFile(dir.resolve(METRICS_FILE))).forEach(runs::add);
        } catch (IOException e) {
            return List.of();
        }
        runs.sort(Comparator.comparing(RunFolders::modified).reversed());
        return runs;
    }

    static long modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(METRICS_FILE)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The checkpoints of a run as the model selector shows them: last.pt and every epoch_NNN.pt. */
    static List<Path> checkpoints(Path folder) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().equals(LAST_CHECKPOINT) || epochOf(f) >= 0)
                    .sorted().forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /** "run-20261201-204501 · epoch 10" / "… · last": how the main window's model selector names a run checkpoint. */
    public static String checkpointLabel(Path checkpoint, int epoch) {
        return checkpointLabel(checkpoint, epoch, "");
    }

    /** As {@link #checkpointLabel(Path, int)}, followed by {@code originSuffix} (" · from hashed test weights …"). */
    static String checkpointLabel(Path checkpoint, int epoch, String originSuffix) {
        String run = checkpoint.toAbsolutePath().getParent().getFileName().toString();
        int fileEpoch = epochOf(checkpoint);
        String which = fileEpoch >= 0 ? "epoch " + fileEpoch : "last" + (epoch >= 0 ? " (epoch " + epoch + ")" : "");
        return "Run " + run + " · " + which + originSuffix;
    }
}
