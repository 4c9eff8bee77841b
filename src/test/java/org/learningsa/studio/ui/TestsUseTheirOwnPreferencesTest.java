package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/**
 * The tests remember folders, recent files (often deleted temp files) and window layouts; none of it
 * may land in the user's own {@code ~/.java/.userPrefs}. The build points the JDK's file-backed user
 * preferences at a folder under {@code target/} ({@code java.util.prefs.userRoot}).
 */
class TestsUseTheirOwnPreferencesTest {

    @Test
    void preferencesWrittenByTestsStayUnderTheBuildFolder() throws BackingStoreException {
        String root = System.getProperty("java.util.prefs.userRoot");
        assertNotNull(root, "the build must give the tests their own preferences root (java.util.prefs.userRoot)");
        Path testRoot = Path.of(root).toAbsolutePath().normalize();
        Path userHome = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assertFalse(testRoot.equals(userHome), "the test preferences root is the user's home: " + testRoot);

        String nodeName = "org/learningsa/studio/test/isolation";
        Preferences node = Preferences.userRoot().node(nodeName);
        node.put("probe", "written by " + getClass().getSimpleName());
        node.flush();
        try {
            Path written = testRoot.resolve(".java/.userPrefs").resolve(nodeName).resolve("prefs.xml");
            assertTrue(Files.isRegularFile(written), "expected the flushed node at " + written);
            assertFalse(Files.exists(userHome.resolve(".java/.userPrefs").resolve(nodeName)),
                    "a test node was written into the user's own preferences");
        } finally {
            node.removeNode();
            Preferences.userRoot().flush();
        }
    }
}
