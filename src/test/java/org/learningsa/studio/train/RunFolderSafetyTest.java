package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;

/**
 * A run folder whose last.pt and state.pt do not belong together is refused on resume with a message, never
 * resumed as a silently different run (no training step runs here: the check comes before any).
 */
class RunFolderSafetyTest {

    @TempDir
    Path run;

    /** A state.pt saved with the last.pt that holds {@code weights}, at step 2. */
    private void saveRun(byte[] weights) throws Exception {
        EngineRuntime.start(DeviceChoice.CPU);
        Path last = Files.write(run.resolve(TrainingRun.LAST_CHECKPOINT), weights);
        TrainingSettings settings = TrainingSettings.defaults(Benchmark.parse("pf-pascal"), run, run);
        try (NDManager manager = NDManager.newBaseManager(); TorchAdam adam = new TorchAdam(manager)) {
            RunState.write(run.resolve(RunState.FILE_NAME), new RunState.Position(0, 2, 2), SettingsCodec.encode(settings),
                    new MultiStepSchedule(3e-5, 0.1, List.of()), adam, WeightsFingerprint.of(last));
        }
    }

    @Test
    void stateRecordsTheStepAndFingerprintOfItsWeights() throws Exception {
        saveRun(new byte[] {1, 2, 3, 4});
        RunState.Saved saved = RunState.read(run.resolve(RunState.FILE_NAME));
        assertEquals(2, saved.position().step());
        assertEquals(WeightsFingerprint.of(run.resolve(TrainingRun.LAST_CHECKPOINT)), saved.weights());
        saved.checkWeights(run.resolve(TrainingRun.LAST_CHECKPOINT), run.resolve(RunState.FILE_NAME)); // accepted
    }

    @Test
    void resumeRefusesWeightsOfAnotherStep() throws Exception {
        saveRun(new byte[] {1, 2, 3, 4});
        // kill -9 between the two writes of a save, or last.pt replaced by an epoch file: same size, other bytes
        Files.write(run.resolve(TrainingRun.LAST_CHECKPOINT), new byte[] {1, 2, 3, 5});
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> new TrainingService().resume(run, null, new TrainingListener() { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("is not the weights") && e.getMessage().contains("state.pt: step 2")
                && e.getMessage().contains("--checkpoint " + run.resolve("last.pt")), e.getMessage());
    }
}
