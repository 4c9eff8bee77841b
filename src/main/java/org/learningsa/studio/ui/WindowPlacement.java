package org.learningsa.studio.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's size and position between runs (java.util.prefs). */
final class WindowPlacement {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences prefs;

    WindowPlacement(Preferences prefs) {
        this.prefs = prefs;
    }

    static Preferences appPreferences() {
        return Preferences.userRoot().node(System.getProperty("lsa.prefs.node", "org/learningsa/studio"));
    }

    void restore(Stage stage) {
        double width = prefs.getDouble("window.width", DEFAULT_WIDTH);
        double height = prefs.getDouble("window.height", DEFAULT_HEIGHT);
        stage.setWidth(width);
        stage.setHeight(height);
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        // only restore a position that is still on a screen (monitors come and go)
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
    }

    void rememberOnClose(Stage stage) {
        stage.setOnHidden(e -> save(stage));
    }

    void save(Stage stage) {
        prefs.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
    }
}
