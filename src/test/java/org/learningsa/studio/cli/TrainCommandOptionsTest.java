package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code lsa train}: one line naming the file or option, exit 2, before any engine starts. */
class TrainCommandOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void refusesARunWithoutStartingWeights() {
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--checkpoint FILE or --hashed-weights"), r.err());
    }

    @Test
    void refusesBothKindsOfStartingWeights() {
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", tmp.resolve("run").toString(),
                "--hashed-weights", "--checkpoint", tmp.resolve("x.pt").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("exclude each other"), r.err());
    }

    @Test
    void namesAMissingCheckpointAndAMissingCsv() {
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", tmp.resolve("run").toString(),
                "--checkpoint", tmp.resolve("nope.pt").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("nope.pt"), r.err());
        CliRun csv = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", tmp.resolve("run").toString(),
                "--hashed-weights", "--csv", tmp.resolve("pairs.csv").toString());
        assertEquals(2, csv.exitCode());
        assertTrue(csv.err().contains("pairs.csv"), csv.err());
    }

    @Test
    void parsesTheDecayScheduleAsTrainPyAndRefusesGarbage() {
        assertEquals(List.of(30), TrainCommand.parseSchedule("30"));
        assertEquals(List.of(30, 60), TrainCommand.parseSchedule("30-60"));
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", tmp.resolve("run").toString(),
                "--hashed-weights", "--decay-schedule", "30,60");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--decay-schedule"), r.err());
    }

    @Test
    void resumingAFolderWithoutStateSaysSo() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        CliRun r = CliRun.of("train", "--resume", run.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("state.pt"), r.err());
    }

    @Test
    void refusesAFolderThatAlreadyHoldsARun() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(run.resolve("state.pt"), "x");
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", run.toString(),
                "--hashed-weights");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--resume"), r.err());
    }

    @Test
    void anOutThatIsAFileIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(tmp.resolve("run"), "mine");
        CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out", file.toString(),
                "--hashed-weights");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(file + " as the run folder: it is a file, not a folder"), r.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aStepLimitOfZeroOrLessIsRefused() {
        for (String steps : new String[] {"-5", "0"}) {
            CliRun r = CliRun.of("train", "--benchmark", "pf-pascal", "--data", tmp.toString(), "--out",
                    tmp.resolve("run").toString(), "--hashed-weights", "--max-steps", steps);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("--max-steps must be at least 1, got " + steps), r.err());
        }
    }
}
