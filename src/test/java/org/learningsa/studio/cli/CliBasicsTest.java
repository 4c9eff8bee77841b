package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliBasicsTest {

    @Test
    void helpListsTheCommands() {
        CliRun result = CliRun.of("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("doctor"), result.out());
        assertTrue(result.out().contains("gui"), result.out());
    }

    /** picocli formats every description with String.format: a bare '%' prints a warning at each --help. */
    @Test
    void everyOptionDescriptionIsAValidFormatString() {
        picocli.CommandLine lsa = new picocli.CommandLine(new LsaCommand());
        for (picocli.CommandLine command : lsa.getSubcommands().values()) {
            checkDescriptions(command.getCommandName(), command.getCommandSpec().userObject().getClass());
        }
    }

    /** The raw annotation texts of a command, its mixins and its argument groups (as picocli formats them). */
    private static void checkDescriptions(String command, Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                picocli.CommandLine.Option option = field.getAnnotation(picocli.CommandLine.Option.class);
                for (String line : option == null ? new String[0] : option.description()) {
                    try {
                        String.format(line);
                    } catch (java.util.IllegalFormatException e) {
                        throw new AssertionError("lsa " + command + " " + String.join("/", option.names()) + ": '" + line
                                + "' is not a format string (" + e + ")");
                    }
                }
                if (field.isAnnotationPresent(picocli.CommandLine.Mixin.class)
                        || field.isAnnotationPresent(picocli.CommandLine.ArgGroup.class)) {
                    checkDescriptions(command, field.getType());
                }
            }
        }
    }

    @Test
    void versionNamesAppJavaAndDjl() {
        CliRun result = CliRun.of("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("LearningSA Studio "), result.out());
        assertTrue(result.out().contains("DJL 0.36.0"), result.out());
    }

    @Test
    void doctorReportsPyTorch271OnCpuOffline() {
        CliRun result = CliRun.of("doctor", "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Engine:          PyTorch 2.7.1"), result.out());
        assertTrue(result.out().contains("Device:          CPU"), result.out());
        assertTrue(result.out().contains("Offline mode:    true"), result.out());
        assertTrue(result.out().contains("Checkpoint folders searched:"), result.out());
    }

    @Test
    void unknownOptionIsAnErrorNotAStackTrace() {
        CliRun result = CliRun.of("doctor", "--no-such-option");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option"), result.err());
    }
}
