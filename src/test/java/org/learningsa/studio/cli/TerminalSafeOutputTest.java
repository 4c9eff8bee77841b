package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchWriter;

/**
 * What the CLI prints from a file cannot drive the terminal: keys and string values with ESC sequences are
 * escaped and long ones capped (a 63 MB global name used to be one 63 MB line); progress to a log is whole
 * lines without carriage returns.
 */
class TerminalSafeOutputTest {

    @TempDir
    Path dir;

    @Test
    void inspectEscapesAndCapsKeysAndValuesFromTheFile() {
        PyDict root = PyDict.dict();
        root.put("\u001b[2J\u001b[31mlsa: checkpoint is fine\r", TensorData.ofFloats(new long[] {1}, new float[] {1}));
        root.put("note", "\u001b]0;owned\u0007" + "x".repeat(5 << 20));
        Path file = dir.resolve("injection.pt");
        TorchWriter.writeZip(file, root);
        CliRun run = CliRun.of("inspect", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x07), "no control characters");
        assertTrue(run.out().contains("\\e[2J\\e[31mlsa: checkpoint is fine\\r"), run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() < 2 * InputLimits.MAX_ECHOED_NAME_CHARS + 100),
                "every line capped");
    }

    @Test
    void inspectJsonEscapesEveryControlCharacter() {
        PyDict root = PyDict.dict();
        root.put("\u009b2J\u202eevil\u001b[31m", TensorData.ofFloats(new long[] {1}, new float[] {1}));
        Path file = dir.resolve("injection-json.pt");
        TorchWriter.writeZip(file, root);
        CliRun run = CliRun.of("inspect", "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "plain ASCII JSON");
        assertTrue(run.out().contains("\\u009B2J\\u202Eevil\\u001B[31m"), run.out());
    }

    @Test
    void progressToALogIsWholeLinesWithoutCarriageReturns() {
        StringWriter log = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(log), "lsa match", false);
        progress.progress("encoding the source", 0.1);
        progress.progress("encoding the source", 0.2);
        progress.progress("matching", 0.5);
        progress.progress("done", 1.0);
        assertFalse(log.toString().contains("\r"), log.toString());
        // the first report and the last; stages within a second of each other and ticks are not logged
        assertEquals(2, log.toString().lines().count(), log.toString());
        assertTrue(log.toString().startsWith("lsa match  10%  encoding the source"), log.toString());
    }
}
