package org.learningsa.studio.cli;

import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Bad input (a {@link UserFacingException}) is one line on stderr and exit code 2; anything else is
 * a bug, logged with its stack trace, exit code 1.
 */
final class CliErrorHandler implements IExecutionExceptionHandler {

    static final int EXIT_BAD_INPUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CliErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        ProgressLine.endOpenLine();
        if (ex instanceof UserFacingException) {
            // one line whatever the message holds (it may quote names from a hostile file)
            commandLine.getErr().println("lsa: " + EchoedText.message(ex.getMessage(), InputLimits.MAX_MESSAGE_CHARS));
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof CancelledException) {
            commandLine.getErr().println("lsa: cancelled");
            return 130;
        }
        LOG.error("internal error", ex);
        commandLine.getErr().println("lsa: internal error: " + ex + " (see the log above)");
        return 1;
    }
}
