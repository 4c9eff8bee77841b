package org.learningsa.studio.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.learningsa.studio.core.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lsa gui}: opens the desktop app (also what {@code lsa} with no arguments does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the LearningSA Studio window (needs a display).")
public final class GuiCommand implements Runnable {

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every start
     * because the app runs from the classpath (JavaFX, ControlsFX and TestFX all in the unnamed module; see
     * ../shared/research/stack-probe.md): harmless for this app, so its logger is held here at SEVERE. A strong
     * reference, since java.util.logging forgets the level of a logger nobody holds.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private static volatile boolean running;

    static boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        missingDisplay().ifPresent(reason -> {
            throw new UserFacingException("the desktop app needs a display and " + reason + "; these commands work "
                    + "without one: " + commandLineCommands() + " (lsa COMMAND --help)");
        });
        JAVAFX_LOG.setLevel(Level.SEVERE);
        running = true;
        // Application.launch blocks until the last window closes
        javafx.application.Application.launch(org.learningsa.studio.ui.StudioApp.class);
    }

    /** Why there is no display to open a window on (Linux and other X11/Wayland systems), if there is none. */
    static Optional<String> missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        if (isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.of("none was found (DISPLAY and WAYLAND_DISPLAY are unset; over SSH use ssh -X, "
                    + "on a server xvfb-run lsa)");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The subcommands of {@code lsa} that run without a window. */
    static String commandLineCommands() {
        return new CommandLine(new LsaCommand()).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("gui") && !name.equals("help"))
                .collect(Collectors.joining(", "));
    }
}
