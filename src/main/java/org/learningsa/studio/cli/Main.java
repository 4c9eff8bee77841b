package org.learningsa.studio.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code lsa} launcher. Not a JavaFX Application on purpose: a classpath launch
 * of JavaFX needs a main class that does not extend Application. No arguments opens the app.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            args = new String[] {"gui"};
        }
        int exitCode = newCommandLine().execute(args);
        if (exitCode != 0 || !GuiCommand.isRunning()) {
            System.exit(exitCode);
        }
    }

    /** The command tree with the project's error handling; tests execute it in process. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new LsaCommand());
        commandLine.setExecutionExceptionHandler(new CliErrorHandler());
        commandLine.setParameterExceptionHandler(new OneLineUsageErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
