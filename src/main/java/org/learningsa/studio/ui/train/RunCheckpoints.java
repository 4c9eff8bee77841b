package org.learningsa.studio.ui.train;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of earlier training runs as models the user made: listed after a restart as they were
 * while the run went ("Run run-… · last (epoch 1)"), and labelled with what the run started from when that
 * was the hashed test weights, which the run's settings in {@code state.pt} record.
 */
public final class RunCheckpoints {

    /** The newest runs listed; older ones stay reachable through Model → Open checkpoint…. */
    static final int MAX_RUNS = 20;
    /** Enough of metrics.jsonl's end for its last step line. */
    private static final int TAIL_BYTES = 8192;
    private static final Pattern EPOCH = Pattern.compile("\"epoch\"\\s*:\\s*(\\d+)");
    static final String FROM_HASHED = "from hashed test weights (untrained, not semantic)";

    private RunCheckpoints() {
    }

    /** A checkpoint of a run and how the model selector names it. */
    public record Entry(Path file, String label) {
    }

    /** The checkpoints of the newest {@value #MAX_RUNS} runs under {@code runsRoot}, newest run first, last.pt first. */
    public static List<Entry> list(Path runsRoot) {
        List<Entry> entries = new ArrayList<>();
        if (runsRoot == null) {
            return entries;
        }
        List<Path> runs = RunFolders.list(runsRoot);
        for (Path run : runs.subList(0, Math.min(MAX_RUNS, runs.size()))) {
            List<Path> files = new ArrayList<>(RunFolders.checkpoints(run));
            files.sort(Comparator.comparing((Path f) -> !f.getFileName().toString().equals(RunFolders.LAST_CHECKPOINT))
                    .thenComparing(Comparator.comparingInt(RunFolders::epochOf).reversed()));
            String origin = originSuffix(run);
            for (Path file : files) {
                Path absolute = file.toAbsolutePath().normalize();
                entries.add(new Entry(absolute, RunFolders.checkpointLabel(absolute, lastEpoch(run), origin)));
            }
        }
        return entries;
    }

    /** How the selector names {@code checkpoint} when it lies in a run folder; empty for any other file. */
    public static Optional<String> label(Path checkpoint) {
        Path absolute = checkpoint.toAbsolutePath().normalize();
        Path run = absolute.getParent();
        if (run == null || !Files.isRegularFile(run.resolve(RunFolders.METRICS_FILE))) {
            return Optional.empty();
        }
        return Optional.of(RunFolders.checkpointLabel(absolute, lastEpoch(run), originSuffix(run)));
    }

    /** " · from hashed test weights (…)" for a run that started from them, "" otherwise (the common case needs no word). */
    static String originSuffix(Path run) {
        String startModel = new StateFileSettings().read(run).startModel();
        return originSuffix(startModel);
    }

    static String originSuffix(String startModel) {
        return StateFileSettings.HASHED_WEIGHTS.equals(startModel) ? " · " + FROM_HASHED : "";
    }

    /** The epoch of the run's last logged step (read from the end of metrics.jsonl), -1 when none. */
    static int lastEpoch(Path run) {
        Path metrics = run.resolve(RunFolders.METRICS_FILE);
        try (RandomAccessFile file = new RandomAccessFile(metrics.toFile(), "r")) {
            long length = file.length();
            int read = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[read];
            file.seek(length - read);
            file.readFully(tail);
            Matcher m = EPOCH.matcher(new String(tail, StandardCharsets.UTF_8));
            int epoch = -1;
            while (m.find()) {
                epoch = Integer.parseInt(m.group(1));
            }
            return epoch;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
