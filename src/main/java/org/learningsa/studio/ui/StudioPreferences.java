package org.learningsa.studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app remembers between runs (java.util.prefs, under the node named by the system property
 * {@code lsa.prefs.node}, so tests use their own): the last folder, recent files, the model, the
 * colour map, display options and the window layout.
 */
public final class StudioPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(StudioPreferences.class);
    static final int MAX_RECENT = 8;
    private static final String RECENT_PREFIX = "recent.";

    private final Preferences node;

    public StudioPreferences(Preferences node) {
        this.node = node;
    }

    /** The app's node: {@code lsa.prefs.node}, by default {@code org/learningsa/studio}. */
    public static StudioPreferences forApp() {
        return new StudioPreferences(WindowPlacement.appPreferences());
    }

    Preferences node() {
        return node;
    }

    public Optional<Path> lastFolder() {
        String value = node.get("lastFolder", "");
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value)).filter(Files::isDirectory);
    }

    public void setLastFolder(Path folder) {
        if (folder != null) {
            node.put("lastFolder", folder.toAbsolutePath().toString());
        }
    }

    /**
     * Where a save dialog starts: the folder of the user's last export or saved report, else their
     * Pictures folder, else their home; never the app's sample or project folder.
     */
    public Path saveFolder() {
        String value = node.get("saveFolder", "");
        if (!value.isEmpty() && Files.isDirectory(Path.of(value))) {
            return Path.of(value);
        }
        Path home = org.learningsa.studio.core.AppPaths.userHome();
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }

    /** Remembers the folder of a file the user chose to save. */
    public void rememberSave(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            node.put("saveFolder", folder.toString());
        }
    }

    /** Recently opened images, newest first, only those that still exist. */
    public List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = node.get(RECENT_PREFIX + i, "");
            if (!value.isEmpty() && Files.isRegularFile(Path.of(value))) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public void addRecentFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(recentFiles());
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < files.size()) {
                node.put(RECENT_PREFIX + i, files.get(i).toString());
            } else {
                node.remove(RECENT_PREFIX + i);
            }
        }
    }

    public String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    public void put(String key, String value) {
        node.put(key, value);
    }

    public double getDouble(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void putDouble(String key, double value) {
        node.putDouble(key, value);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    public void putBoolean(String key, boolean value) {
        node.putBoolean(key, value);
    }

    public int getInt(String key, int fallback) {
        return node.getInt(key, fallback);
    }

    public void putInt(String key, int value) {
        node.putInt(key, value);
    }

    /** Writes pending changes to disk; failures are logged, never shown (preferences are a convenience). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("cannot save preferences: {}", e.getMessage());
        }
    }

    /** Forgets everything (tests start from a clean node). */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            LOG.warn("cannot clear preferences: {}", e.getMessage());
        }
    }
}
