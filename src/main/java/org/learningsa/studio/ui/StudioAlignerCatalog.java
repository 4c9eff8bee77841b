package org.learningsa.studio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;

/**
 * The app's models: the weight-free default aligner and the LearningSA checkpoints in the search
 * folders ({@link AppPaths#checkpointSearchDirs()}). Each aligner is created once and kept.
 */
public final class StudioAlignerCatalog implements AlignerCatalog {

    /** Turns a checkpoint file into an aligner (reads and checks the weights; slow). */
    @FunctionalInterface
    public interface CheckpointLoader {
        Aligner load(Path checkpoint, ProgressListener progress, CancelToken cancel);
    }

    private final Supplier<Aligner> defaultAligner;
    private final CheckpointLoader checkpointLoader;
    private final List<Path> searchFolders;
    private final Map<String, Aligner> loaded = new ConcurrentHashMap<>();

    public StudioAlignerCatalog(Supplier<Aligner> defaultAligner, CheckpointLoader checkpointLoader, List<Path> searchFolders) {
        this.defaultAligner = defaultAligner;
        this.checkpointLoader = checkpointLoader;
        this.searchFolders = List.copyOf(searchFolders);
    }

    @Override
    public List<ModelChoice> available() {
        List<ModelChoice> choices = new ArrayList<>();
        choices.add(ModelChoice.weightFreeDefault());
        for (Path folder : searchFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pt"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .map(ModelChoice::checkpoint)
                        .filter(c -> !choices.contains(c))
                        .forEach(choices::add);
            } catch (IOException e) {
                // an unreadable folder simply contributes nothing; the others still count
            }
        }
        return choices;
    }

    @Override
    public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
        Aligner cached = loaded.get(choice.id());
        if (cached != null) {
            return cached;
        }
        Aligner aligner;
        if (choice.isDefault()) {
            aligner = defaultAligner.get();
        } else {
            Path file = choice.checkpoint();
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException(file + " is missing. Put the checkpoint back, or choose another "
                        + "model; checkpoints are looked for in " + searchFolders + ".");
            }
            progress.progress("loading weights from " + file.getFileName(), -1);
            aligner = checkpointLoader.load(file, progress, cancel);
        }
        Aligner previous = loaded.putIfAbsent(choice.id(), aligner);
        return previous != null ? previous : aligner;
    }
}
