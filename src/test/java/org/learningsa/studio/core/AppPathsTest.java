package org.learningsa.studio.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Data and settings follow the XDG base directories and $HOME, not the JVM's user.home. */
class AppPathsTest {

    private static final Function<String, String> JVM = Map.of("user.home", "/jvm/home")::get;

    @Test
    void dataAndSettingsFollowXdgVariablesThenHome() {
        Function<String, String> xdg = Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg")::get;
        assertEquals(Path.of("/data/learningsa-studio"), AppPaths.userDataDir(xdg, JVM));
        assertEquals(Path.of("/cfg/learningsa-studio"), AppPaths.userConfigDir(xdg, JVM));

        Function<String, String> homeOnly = Map.of("HOME", "/home/ann")::get;
        assertEquals(Path.of("/home/ann/.local/share/learningsa-studio"), AppPaths.userDataDir(homeOnly, JVM),
                "$HOME, not the JVM's user.home");
        assertEquals(Path.of("/home/ann/.config/learningsa-studio"), AppPaths.userConfigDir(homeOnly, JVM));
    }

    @Test
    void relativeXdgValuesAreIgnoredAndAnUnsetHomeFallsBackToTheJvm() {
        Function<String, String> relative = Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "data", "XDG_CONFIG_HOME", "")::get;
        assertEquals(Path.of("/home/ann/.local/share/learningsa-studio"), AppPaths.userDataDir(relative, JVM));
        assertEquals(Path.of("/home/ann/.config/learningsa-studio"), AppPaths.userConfigDir(relative, JVM));
        Function<String, String> none = Map.<String, String>of()::get;
        assertEquals(Path.of("/jvm/home/.config/learningsa-studio"), AppPaths.userConfigDir(none, JVM));
        Function<String, String> explicit = Map.of("lsa.data", "/chosen", "user.home", "/jvm/home")::get;
        assertEquals(Path.of("/chosen"), AppPaths.userDataDir(relative, explicit), "lsa.data wins");
    }
}
