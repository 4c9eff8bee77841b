package org.learningsa.studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.ui.train.RunCheckpoints;
import org.learningsa.studio.ui.train.RunFolders;

/**
 * The app's models, from the {@link ModelRegistry}: the weight-free default aligner and every
 * LearningSA checkpoint found in the search folders or opened by the user. A rejected checkpoint is
 * explained: which file, what is wrong with it, what to do.
 */
public final class StudioAlignerCatalog implements AlignerCatalog, AutoCloseable {

    static final String WHAT_TO_DO = "Choose best_checkpoint_pascal.pt or best_checkpoint_willow.pt from the "
            + "LearningSA project (see weights/README.md); the weight-free default keeps working meanwhile.";

    private final ModelRegistry registry;
    /** Where the training panel keeps runs, whose checkpoints are models the user made; null: none listed. */
    private final Path runsRoot;

    public StudioAlignerCatalog(ModelRegistry registry) {
        this(registry, null);
    }

    public StudioAlignerCatalog(ModelRegistry registry, Path runsRoot) {
        this.registry = registry;
        this.runsRoot = runsRoot;
    }

    /** The catalog over the standard search folders and the training panel's runs, on the GPU when one works. */
    public static StudioAlignerCatalog forApp() {
        return new StudioAlignerCatalog(new ModelRegistry(DeviceChoice.AUTO), RunFolders.runsRoot());
    }

    /**
     * The default, the checkpoints found in the search folders (a run's checkpoint among them named as its run),
     * then the checkpoints of earlier training runs, newest run first, so they survive a restart, and last the
     * hashed test weights.
     */
    @Override
    public List<ModelChoice> available() {
        List<ModelChoice> choices = new ArrayList<>();
        choices.add(ModelChoice.weightFreeDefault());
        for (ModelRegistry.CheckpointInfo info : registry.checkpoints()) {
            String label = RunCheckpoints.label(info.file()).orElse(info.displayName());
            choices.add(new ModelChoice(info.file().toString(), label, info.file()));
        }
        for (RunCheckpoints.Entry run : RunCheckpoints.list(runsRoot)) {
            if (choices.stream().noneMatch(c -> run.file().equals(c.checkpoint()))) {
                choices.add(new ModelChoice(run.file().toString(), run.label(), run.file()));
            }
        }
        // last: a testing aid, offered because the CLI offers --hashed-weights everywhere
        choices.add(ModelChoice.hashedWeights());
        return choices;
    }

    @Override
    public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
        if (choice.isDefault()) {
            return registry.defaultAligner();
        }
        if (choice.isHashedWeights()) {
            progress.progress("building the network with the hashed test weights", -1);
            return registry.hashedWeightsAligner();
        }
        Path file = choice.checkpoint();
        if (registry.isLoaded(file)) {
            return registry.aligner(file);
        }
        progress.progress("loading weights from " + file.getFileName(), -1);
        requireExists(file);
        cancel.throwIfCancelled();
        try {
            return registry.aligner(file);
        } catch (UserFacingException e) {
            throw new UserFacingException(sentence(e.getMessage()) + " " + WHAT_TO_DO, e);
        }
    }

    /**
     * A file that went away is said so in the app's words; every other verdict (not a torch file, truncated, an
     * unsafe pickle, another network, NaN weights) is the registry's, the same text {@code lsa match} prints.
     */
    private static void requireExists(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("The checkpoint " + file + " does not exist (moved or deleted?). " + WHAT_TO_DO);
        }
    }

    private static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    @Override
    public void close() {
        registry.close();
    }
}
