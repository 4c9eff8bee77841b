package org.learningsa.studio.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the app looks for things on disk. The launcher sets {@code lsa.home} to the distribution
 * folder; {@code weights/} next to the working directory and next to the distribution, and the
 * user data folder ({@code $XDG_DATA_HOME/learningsa-studio}, else {@code $HOME/.local/share/...}),
 * are searched for checkpoints. Settings follow the XDG base directories too ({@link #userConfigDir()}).
 */
public final class AppPaths {

    private AppPaths() {
    }

    private static final String APP_FOLDER = "learningsa-studio";

    /**
     * The per-user folder for data the app keeps (fine-tuned checkpoints, runs, autosaved points): {@code lsa.data},
     * else {@code $XDG_DATA_HOME/learningsa-studio}, else {@code $HOME/.local/share/learningsa-studio}.
     */
    public static Path userDataDir() {
        return userDataDir(System::getenv, System::getProperty);
    }

    /**
     * The per-user folder for settings (the app's preferences): {@code lsa.config}, else
     * {@code $XDG_CONFIG_HOME/learningsa-studio}, else {@code $HOME/.config/learningsa-studio}.
     */
    public static Path userConfigDir() {
        return userConfigDir(System::getenv, System::getProperty);
    }

    static Path userDataDir(Function<String, String> env, Function<String, String> properties) {
        return xdgDir(env, properties, "lsa.data", "XDG_DATA_HOME", ".local/share");
    }

    static Path userConfigDir(Function<String, String> env, Function<String, String> properties) {
        return xdgDir(env, properties, "lsa.config", "XDG_CONFIG_HOME", ".config");
    }

    /**
     * The XDG base directory rules: the variable when it holds an absolute path (a relative one is ignored, as
     * the specification says), else its default under {@code $HOME}; the JVM's {@code user.home} only when
     * {@code HOME} is unset, since the JVM reads it from the password database, not from the environment.
     */
    private static Path xdgDir(Function<String, String> env, Function<String, String> properties, String override,
            String variable, String defaultUnderHome) {
        String explicit = properties.apply(override);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.apply(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(APP_FOLDER);
        }
        return home(env, properties).resolve(defaultUnderHome).resolve(APP_FOLDER);
    }

    /** {@code $HOME} when set to an absolute path, else the JVM's {@code user.home}. */
    static Path home(Function<String, String> env, Function<String, String> properties) {
        String home = env.apply("HOME");
        return home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(properties.apply("user.home"));
    }

    /** The user's home as the shell sees it ({@code $HOME}), for dialogs' starting folders. */
    public static Path userHome() {
        return home(System::getenv, System::getProperty);
    }

    /**
     * On Linux, keeps the app's Java preferences under {@link #userConfigDir()} instead of {@code ~/.java}: sets
     * {@code java.util.prefs.userRoot} unless it is set already (the tests set their own). Call before the first
     * use of {@link java.util.prefs.Preferences}, which reads the property once.
     */
    public static void usePreferencesUnderConfigDir() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && System.getProperty("java.util.prefs.userRoot") == null) {
            System.setProperty("java.util.prefs.userRoot", userConfigDir().toString());
        }
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
