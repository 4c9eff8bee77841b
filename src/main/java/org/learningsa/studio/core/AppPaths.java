package org.learningsa.studio.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the app looks for things on disk. The launcher sets {@code lsa.home} to the distribution
 * folder; {@code weights/} next to the working directory and next to the distribution, and the
 * user data folder ({@code $XDG_DATA_HOME/learningsa-studio}, else {@code ~/.local/share/...}),
 * are searched for checkpoints.
 */
public final class AppPaths {

    private AppPaths() {
    }

    /** The per-user folder for data the app keeps (fine-tuned checkpoints, caches). */
    public static Path userDataDir() {
        String override = System.getProperty("lsa.data");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("learningsa-studio");
    }

    /** The folders searched for checkpoints, in order of preference, without duplicates. */
    public static List<Path> checkpointSearchDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(Path.of("weights").toAbsolutePath().normalize());
        String home = System.getProperty("lsa.home");
        if (home != null && !home.isBlank()) {
            Path distHome = Path.of(home).toAbsolutePath().normalize();
            dirs.add(distHome.resolve("weights"));
            // target/dist/.. /.. is the source checkout when run from a build
            Path checkout = distHome.getParent() == null ? null : distHome.getParent().getParent();
            if (checkout != null) {
                dirs.add(checkout.resolve("weights"));
            }
        }
        dirs.add(userDataDir().resolve("weights"));
        return new ArrayList<>(dirs);
    }

    /** The sample image folder: {@code assets/} of the checkout or of the distribution. */
    public static Path assetsDir() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("lsa.home");
        if (home != null && !home.isBlank()) {
            Path distHome = Path.of(home).toAbsolutePath().normalize();
            candidates.add(distHome.resolve("assets"));
            if (distHome.getParent() != null && distHome.getParent().getParent() != null) {
                candidates.add(distHome.getParent().getParent().resolve("assets"));
            }
        }
        String project = System.getProperty("lsa.project");
        if (project != null) {
            candidates.add(Path.of(project, "assets"));
        }
        candidates.add(Path.of("assets").toAbsolutePath().normalize());
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
