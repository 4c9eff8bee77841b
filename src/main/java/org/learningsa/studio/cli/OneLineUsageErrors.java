package org.learningsa.studio.cli;

import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A bad option or argument is one line on stderr and exit code 2, like every other bad input: the problem and
 * where the help is, not the 13 to 44 lines of usage picocli prints by default (they buried the message).
 */
final class OneLineUsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        ProgressLine.endOpenLine();
        command.getErr().println("lsa: " + EchoedText.message(ex.getMessage(), InputLimits.MAX_MESSAGE_CHARS)
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return CliErrorHandler.EXIT_BAD_INPUT;
    }
}
