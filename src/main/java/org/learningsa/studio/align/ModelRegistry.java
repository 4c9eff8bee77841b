package org.learningsa.studio.align;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.FileVersion;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models the app can align with: the weight-free {@link DefaultAligner} and every LearningSA
 * checkpoint found in {@link AppPaths#checkpointSearchDirs()} or opened by the user. A checkpoint is
 * recognised by its keys (the enhancement transformers and {@code g_f}), loaded on first use and kept,
 * so switching back to it is instant; a file that changed since (size or time) is loaded again. One registry lives as long as the app; close it to free the networks.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    /** Keys only a LearningSA state_dict has; the verdict lives in {@link CheckpointVerdict}. */
    static final List<String> SIGNATURE_KEYS = CheckpointVerdict.SIGNATURE_KEYS;
    private static final List<String> EXTENSIONS = List.of(".pt", ".pth", ".pth.tar", ".ckpt");

    /** A checkpoint file the registry knows about. */
    public record CheckpointInfo(Path file, String displayName, long sizeBytes) {
    }

    private final Supplier<Device> device;
    private final List<Path> searchDirs;
    private final Set<Path> userFiles = new LinkedHashSet<>();
    private final Map<Path, LearningSaAligner> loaded = new LinkedHashMap<>();
    /** The version of each loaded file when it was read: a rewritten file (a run's last.pt) is read again. */
    private final Map<Path, FileVersion> loadedVersions = new LinkedHashMap<>();
    private final Map<Path, Boolean> recognised = new LinkedHashMap<>();
    private final Map<Path, String> rejected = new LinkedHashMap<>();
    private DefaultAligner defaultAligner;
    private LearningSaAligner hashedWeightsAligner;
    private int checkpointLoads;

    /** Name of the network with the parity fixtures' deterministic, untrained weights. */
    public static final String HASHED_WEIGHTS_NAME = "LearningSA architecture with hashed test weights (untrained, not semantic)";

    /**
     * A registry over the standard search folders on the device the user chose (the engine starts when a
     * model is first needed; without CUDA the GPU choice falls back to the CPU). DJL-free, for the app.
     */
    public ModelRegistry(DeviceChoice choice) {
        this(() -> EngineRuntime.start(choice).device());
    }

    /** A registry over the standard search folders, running networks on {@code device} when first needed. */
    public ModelRegistry(Supplier<Device> device) {
        this(device, AppPaths.checkpointSearchDirs());
    }

    public ModelRegistry(Supplier<Device> device, List<Path> searchDirs) {
        this.device = device;
        this.searchDirs = List.copyOf(searchDirs);
    }

    /** The weight-free aligner (always available). */
    public synchronized Aligner defaultAligner() {
        if (defaultAligner == null) {
            defaultAligner = new DefaultAligner(device.get());
        }
        return defaultAligner;
    }

    /**
     * The LearningSA network with the parity fixtures' deterministic weights: exercises the whole network
     * path without a checkpoint (tests, benchmarks); its matches mean nothing. Created once.
     */
    public synchronized Aligner hashedWeightsAligner() {
        if (hashedWeightsAligner == null) {
            hashedWeightsAligner = new LearningSaAligner(
                    new LearningSaNetwork(LearningSaWeights.hashed(device.get())), HASHED_WEIGHTS_NAME, false);
        }
        return hashedWeightsAligner;
    }

    /**
     * The LearningSA checkpoints in the search folders and among the files the user opened, best first:
     * {@code best_checkpoint_pascal}, then other {@code best_checkpoint*}, then the newest.
     */
    public synchronized List<CheckpointInfo> checkpoints() {
        List<Path> candidates = new ArrayList<>(userFiles);
        for (Path dir : searchDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(ModelRegistry::hasCheckpointExtension).sorted().forEach(candidates::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.warn("cannot list {}: {}", dir, e.toString());
            }
        }
        if (candidates.size() > InputLimits.CHECKPOINT_SEARCH_MAX_FILES) {
            LOG.warn("{} checkpoint files in the searched folders; only the first {} were opened",
                    candidates.size(), InputLimits.CHECKPOINT_SEARCH_MAX_FILES);
            candidates = new ArrayList<>(candidates.subList(0, InputLimits.CHECKPOINT_SEARCH_MAX_FILES));
        }
        List<CheckpointInfo> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        long deadline = System.nanoTime() + InputLimits.CHECKPOINT_SEARCH_BUDGET_SECONDS * 1_000_000_000L;
        for (Path file : candidates) {
            Path key = file.toAbsolutePath().normalize();
            if (!recognised.containsKey(key) && System.nanoTime() > deadline) {
                LOG.warn("the checkpoint search took more than {} s; {} and the files after it were not opened",
                        InputLimits.CHECKPOINT_SEARCH_BUDGET_SECONDS, key);
                break;
            }
            if (seen.add(key) && isLearningSaCheckpoint(key)) {
                found.add(new CheckpointInfo(key, "LearningSA (" + key.getFileName() + ")", sizeOf(key)));
            }
        }
        found.sort(Comparator.comparingInt((CheckpointInfo c) -> rank(c.file())).thenComparing(
                (CheckpointInfo c) -> modified(c.file()), Comparator.reverseOrder()));
        return found;
    }

    /** The best checkpoint found, if any. */
    public Optional<CheckpointInfo> bestCheckpoint() {
        return checkpoints().stream().findFirst();
    }

    /** The aligner of the best checkpoint found, else the default aligner. */
    public Aligner bestAligner() {
        Optional<CheckpointInfo> best = bestCheckpoint();
        return best.isPresent() ? aligner(best.get().file()) : defaultAligner();
    }

    /**
     * The aligner of a checkpoint, loading it on first use (seconds; the file is checked against the model's
     * manifest) and returning the same instance afterwards. The file is remembered as opened by the user.
     *
     * @throws UserFacingException when the file is missing, is not a torch checkpoint or is not LearningSA's
     */
    public synchronized LearningSaAligner aligner(Path checkpoint) {
        Path key = checkpoint.toAbsolutePath().normalize();
        FileVersion version = FileVersion.of(key);
        LearningSaAligner aligner = loaded.get(key);
        if (aligner != null && version.equals(loadedVersions.get(key))) {
            return aligner;
        }
        if (aligner != null) {
            // the file was replaced (a training run saves last.pt after every epoch): its old weights are stale.
            // align() and close() share the aligner's lock, so a run still using it finishes first.
            LOG.info("{} changed since it was loaded; reading it again", key);
            loaded.remove(key).close();
            recognised.remove(key);
        }
        CheckpointVerdict.check(key);
        LOG.info("loading {}", key);
        LearningSaNetwork network = new LearningSaNetwork(LearningSaWeights.fromCheckpoint(key, device.get()));
        checkpointLoads++;
        aligner = new LearningSaAligner(network, "LearningSA (" + key.getFileName() + ")");
        loaded.put(key, aligner);
        loadedVersions.put(key, version);
        userFiles.add(key);
        return aligner;
    }

    /** How many checkpoint files were read into a network so far (each at most once while the registry lives). */
    public synchronized int checkpointLoads() {
        return checkpointLoads;
    }

    /** Whether the checkpoint is loaded (switching to it is instant). */
    public synchronized boolean isLoaded(Path checkpoint) {
        return loaded.containsKey(checkpoint.toAbsolutePath().normalize());
    }

    /** Remembers a file the user opened so that {@link #checkpoints()} lists it. */
    public synchronized void addUserFile(Path checkpoint) {
        userFiles.add(checkpoint.toAbsolutePath().normalize());
    }

    /**
     * Whether {@code file} is a torch checkpoint with LearningSA's keys (cached per file). A file in a searched
     * folder that cannot be read is skipped with a warning that says why ({@link CheckpointVerdict}); every read
     * is bounded by the reader's limits, so a hostile file costs at most the time its size allows.
     */
    public synchronized boolean isLearningSaCheckpoint(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Boolean known = recognised.get(key);
        if (known != null) {
            return known;
        }
        boolean result;
        try {
            CheckpointVerdict.check(key);
            result = true;
        } catch (UserFacingException e) {
            LOG.warn("skipped {}", e.getMessage());
            rejected.put(key, e.getMessage());
            result = false;
        }
        recognised.put(key, result);
        return result;
    }

    /** Files of the searched folders that were skipped, with the reason (for {@code lsa doctor}). */
    public synchronized Map<Path, String> rejectedFiles() {
        return Map.copyOf(rejected);
    }

    private static boolean hasCheckpointExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static int rank(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith("best_checkpoint_pascal")) {
            return 0;
        }
        return name.startsWith("best_checkpoint") ? 1 : 2;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(LearningSaAligner::close);
        loaded.clear();
        loadedVersions.clear();
        if (hashedWeightsAligner != null) {
            hashedWeightsAligner.close();
            hashedWeightsAligner = null;
        }
    }
}
