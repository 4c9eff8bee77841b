package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lsa bench} reports the stages and memory, and ends with exactly {@code forward_ms_median=<number>}. */
class BenchCommandTest {

    @Test
    void benchPrintsStagesAndEndsWithTheMedianLine() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench", "--hashed-weights", "--device", "cpu", "--runs", "1");
        assertEquals(0, code, out.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("forward_ms_median=\\d+(\\.\\d+)?"), lines.get(lines.size() - 1));
        String text = out.toString();
        for (String stage : List.of("backbone", "transformer L4", "transformer L1", "correlation+readout", "peak RSS")) {
            assertTrue(text.contains(stage), "mentions " + stage + ":\n" + text);
        }
    }

    @Test
    void benchRejectsZeroRuns() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("bench", "--hashed-weights", "--runs", "0"));
        assertTrue(err.toString().contains("--runs"), err.toString());
    }
}
