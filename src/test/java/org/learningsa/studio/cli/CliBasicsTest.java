package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliBasicsTest {

    private record Result(int exitCode, String out, String err) { }

    private static Result run(String... args) {
        CommandLine commandLine = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Result result = run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("doctor"), result.out());
        assertTrue(result.out().contains("gui"), result.out());
    }

    @Test
    void versionNamesAppJavaAndDjl() {
        Result result = run("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("LearningSA Studio "), result.out());
        assertTrue(result.out().contains("DJL 0.36.0"), result.out());
    }

    @Test
    void doctorReportsPyTorch271OnCpuOffline() {
        Result result = run("doctor", "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Engine:          PyTorch 2.7.1"), result.out());
        assertTrue(result.out().contains("Device:          CPU"), result.out());
        assertTrue(result.out().contains("Offline mode:    true"), result.out());
        assertTrue(result.out().contains("Checkpoint folders searched:"), result.out());
    }

    @Test
    void unknownOptionIsAnErrorNotAStackTrace() {
        Result result = run("doctor", "--no-such-option");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option"), result.err());
    }
}
