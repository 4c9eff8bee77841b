package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;

/** One run writes a run folder at a time; a run never writes over its own inputs or a user's files. */
class RunFolderLockTest {

    @TempDir
    Path dir;

    private TrainingSettings settingsInto(Path runDir) {
        return TrainingSettings.defaults(Benchmark.parse("pf-pascal"), dir, runDir);
    }

    @Test
    void aSecondRunIntoALockedFolderIsRefusedAndTheFolderIsFreeAfterwards() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        try (RunFolderLock held = RunFolderLock.acquire(run)) {
            UserFacingException e = assertThrows(UserFacingException.class, () -> new TrainingService()
                    .train(settingsInto(run), new TrainingListener() { }, CancelToken.NEVER));
            assertTrue(e.getMessage().contains(run + " is being written by another training run (process "
                    + ProcessHandle.current().pid() + ")"), e.getMessage());
        }
        RunFolderLock.acquire(run).close(); // free again
    }

    @Test
    void aLockOfAnotherLiveProcessIsRespectedAndOneLeftByAKilledProcessIsTakenOver() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "-c", "import fcntl").start().waitFor() == 0, "no python3 here");
        Path run = Files.createDirectories(dir.resolve("run"));
        Path lockFile = run.resolve(RunFolderLock.FILE_NAME);
        // another process holding the folder as a run would: an fcntl lock (what FileChannel.tryLock takes on Linux)
        Process other = new ProcessBuilder("python3", "-c", "import fcntl, os, sys, time\n"
                + "f = open(sys.argv[1], 'w'); f.write('pid %d\\n' % os.getpid()); f.flush()\n"
                + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB); print('locked', flush=True); time.sleep(60)",
                lockFile.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            UserFacingException e = assertThrows(UserFacingException.class, () -> RunFolderLock.acquire(run));
            assertTrue(e.getMessage().contains("(process " + other.pid() + ")"), e.getMessage());
        } finally {
            other.destroyForcibly(); // kill -9: the run died without cleaning up
            other.waitFor(10, TimeUnit.SECONDS);
        }
        try (RunFolderLock taken = RunFolderLock.acquire(run)) {
            assertEquals("pid " + ProcessHandle.current().pid(), Files.readString(lockFile).strip());
        }
    }

    @Test
    void anOutThatHoldsTheStartingCheckpointIsRefusedUntouched() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path checkpoint = Files.writeString(run.resolve("last.pt"), "the user's weights");
        UserFacingException e = assertThrows(UserFacingException.class, () -> new TrainingService()
                .train(settingsInto(run).withCheckpoint(checkpoint), new TrainingListener() { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("holds the starting checkpoint (--checkpoint) " + checkpoint), e.getMessage());
        assertEquals("the user's weights", Files.readString(checkpoint));
    }

    @Test
    void anOutThatHoldsAnotherRunsMetricsIsRefusedUntouched() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path metrics = Files.writeString(run.resolve(MetricsLog.FILE_NAME), "{\"kind\":\"step\",\"step\":1}\n");
        UserFacingException e = assertThrows(UserFacingException.class, () -> new TrainingService()
                .train(settingsInto(run), new TrainingListener() { }, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("already holds metrics.jsonl"), e.getMessage());
        assertEquals("{\"kind\":\"step\",\"step\":1}\n", Files.readString(metrics));
    }
}
