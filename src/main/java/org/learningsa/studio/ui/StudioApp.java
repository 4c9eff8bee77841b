package org.learningsa.studio.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class StudioApp extends Application {

    @Override
    public void start(Stage stage) {
        new MainWindow(new MainViewModel()).show(stage);
    }
}
