package org.learningsa.studio.ui;

import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.stage.Stage;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;

/** The JavaFX application: one main window on the installed sample pairs and models. */
public final class StudioApp extends Application {

    static {
        // before anything reads Preferences: settings go to $XDG_CONFIG_HOME/learningsa-studio on Linux
        org.learningsa.studio.core.AppPaths.usePreferencesUnderConfigDir();
    }

    private FxTaskRunner tasks;
    private StudioAlignerCatalog models;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner();
        models = StudioAlignerCatalog.forApp();
        new MainWindow(SamplePairs.installed(), models, tasks, StudioPreferences.forApp(),
                UnaryOperator.identity()).show(stage);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (models != null) {
            models.close();
        }
    }
}
