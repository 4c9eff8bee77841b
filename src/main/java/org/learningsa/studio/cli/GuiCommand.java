package org.learningsa.studio.cli;

import picocli.CommandLine.Command;

/** {@code lsa gui}: opens the desktop app (also what {@code lsa} with no arguments does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the LearningSA Studio window.")
public final class GuiCommand implements Runnable {

    private static volatile boolean running;

    static boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        running = true;
        // Application.launch blocks until the last window closes
        javafx.application.Application.launch(org.learningsa.studio.ui.StudioApp.class);
    }
}
