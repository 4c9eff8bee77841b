package org.learningsa.studio.editing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.UserFacingException;

/**
 * The editor's autosave: one points file per image pair in the user data folder
 * ({@code points/<source sha256 prefix>-<target sha256 prefix>.json}), keyed by the two images' content, so
 * reopening the same pair (even renamed or moved) brings its points back, and nothing is written beside
 * the user's images.
 */
public final class PointsAutosave {

    /** 16 hex digits (64 bits) of each hash: no two pairs a user has will share a name. */
    private static final int HASH_PREFIX = 16;

    private final Path folder;

    /** Under the user data folder ({@link AppPaths#userDataDir()}). */
    public PointsAutosave() {
        this(AppPaths.userDataDir().resolve("points"));
    }

    public PointsAutosave(Path folder) {
        this.folder = folder;
    }

    public Path fileFor(String sourceSha256, String targetSha256) {
        if (sourceSha256.length() < HASH_PREFIX || targetSha256.length() < HASH_PREFIX) {
            throw new IllegalArgumentException("the autosave needs both images' sha256");
        }
        return folder.resolve(sourceSha256.substring(0, HASH_PREFIX) + "-" + targetSha256.substring(0, HASH_PREFIX) + ".json");
    }

    /** Writes the document atomically under its images' key. */
    public Path save(PointsDocument document) {
        Path file = fileFor(document.source().sha256(), document.target().sha256());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserFacingException("cannot create the autosave folder " + folder + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
        PointsFile.write(file, document);
        return file;
    }

    /**
     * The points saved for this pair, if any.
     *
     * @throws UserFacingException naming the file when an autosave exists but cannot be read
     */
    public Optional<PointsDocument> load(String sourceSha256, String targetSha256) {
        Path file = fileFor(sourceSha256, targetSha256);
        return Files.isRegularFile(file) ? Optional.of(PointsFile.read(file)) : Optional.empty();
    }
}
