package org.learningsa.studio.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;

/**
 * Fine-tuning exactly as the reference's train.py (spec §4): the one code path behind {@code lsa train} and
 * the training panel. One instance per app or CLI run; a run blocks the calling thread (the UI calls it
 * from a background task) and reports through its {@link TrainingListener} on that thread. Cancelling stops
 * between steps (the step in flight is abandoned, as a native call cannot be interrupted) and writes last.pt and
 * state.pt, from which {@link #resume} continues bit for bit.
 */
public final class TrainingService {

    public TrainingService() {
    }

    /**
     * Runs a new training in {@code settings.runDir()} (created if needed; a folder that already holds a run's
     * state.pt is refused: resume it instead).
     *
     * @throws UserFacingException for bad input, naming the file and the problem
     */
    public TrainingOutcome train(TrainingSettings settings, TrainingListener listener, CancelToken cancel) {
        SettingsCheck.check(settings);
        Path runDir = settings.runDir();
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new UserFacingException("cannot use " + runDir + " as the run folder: it is a file, not a folder");
        }
        refuseInputInside(runDir, settings.checkpoint(), "the starting checkpoint (--checkpoint)");
        refuseInputInside(runDir, settings.csv(), "the training CSV (--csv)");
        try {
            Files.createDirectories(runDir);
        } catch (java.io.IOException e) {
            throw new UserFacingException("cannot create the run folder " + runDir + ": "
                    + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
        try (RunFolderLock lock = RunFolderLock.acquire(runDir)) {
            if (Files.exists(runDir.resolve(RunState.FILE_NAME))) {
                throw new UserFacingException(runDir + " already holds a training run (" + RunState.FILE_NAME
                        + "); continue it with --resume " + runDir + " or choose another --out folder");
            }
            for (String written : new String[] {TrainingRun.LAST_CHECKPOINT, MetricsLog.FILE_NAME}) {
                if (Files.exists(runDir.resolve(written))) {
                    throw new UserFacingException(runDir + " already holds " + written + ", which a new run would "
                            + "replace; choose an empty or new --out folder");
                }
            }
            return new TrainingRun(settings, null, listener, cancel).run();
        }
    }

    /** A run writes last.pt, state.pt, epoch files and metrics.jsonl into its folder: no input may live there. */
    private static void refuseInputInside(Path runDir, Path input, String role) {
        if (input == null) {
            return;
        }
        Path folder = runDir.toAbsolutePath().normalize();
        Path parent = input.toAbsolutePath().normalize().getParent();
        boolean inside = folder.equals(parent);
        try {
            inside = inside || parent != null && Files.isDirectory(runDir) && Files.isSameFile(folder, parent);
        } catch (java.io.IOException e) {
            // cannot compare: the textual comparison above stands
        }
        if (inside) {
            throw new UserFacingException("--out " + runDir + " holds " + role + " " + input
                    + ", which the run would overwrite; choose another --out folder");
        }
    }

    /**
     * Continues the run in {@code runDir} from its state.pt and last.pt; ends bit-for-bit where an uninterrupted
     * run would end. metrics.jsonl is continued (lines a killed run wrote after its last saved state are dropped).
     *
     * @param maxStepsOverride a new step limit, or null to keep the run's
     */
    public TrainingOutcome resume(Path runDir, Long maxStepsOverride, TrainingListener listener, CancelToken cancel) {
        RunState.Saved saved = RunState.read(runDir.resolve(RunState.FILE_NAME));
        Path last = runDir.resolve(TrainingRun.LAST_CHECKPOINT);
        if (!Files.isRegularFile(last)) {
            throw new UserFacingException(runDir + " has " + RunState.FILE_NAME + " but no " + TrainingRun.LAST_CHECKPOINT
                    + ": cannot resume without the weights");
        }
        try (RunFolderLock lock = RunFolderLock.acquire(runDir)) {
            saved.checkWeights(last, runDir.resolve(RunState.FILE_NAME));
            TrainingSettings settings = SettingsCodec.decode(saved.settings(), runDir);
            if (maxStepsOverride != null) {
                settings = settings.withMaxSteps(maxStepsOverride);
            }
            SettingsCheck.check(settings, true);
            return new TrainingRun(settings, saved, listener, cancel).run();
        }
    }
}
