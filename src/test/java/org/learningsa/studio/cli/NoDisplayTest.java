package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** {@code lsa} without a display: one line that says so and names the commands that work, exit 2 (issue 10, defect 12). */
class NoDisplayTest {

    @Test
    void theAppWithoutADisplaySaysSoAndListsTheCommandLineCommands() {
        assumeTrue(GuiCommand.missingDisplay().isPresent(), "a display is present here (DISPLAY or WAYLAND_DISPLAY set)");
        CliRun run = CliRun.of("gui");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("lsa: the desktop app needs a display and none was found"), run.err());
        for (String command : new String[] {"match", "eval", "inspect", "infer", "doctor"}) {
            assertTrue(run.err().contains(command), command + " listed: " + run.err());
        }
        assertTrue(!run.err().contains(", gui") && !run.err().contains("help,"), run.err());
    }
}
