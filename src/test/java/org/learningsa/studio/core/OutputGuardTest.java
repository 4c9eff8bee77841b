package org.learningsa.studio.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are compared with inputs and each other as files, not as spellings (issue 11). */
class OutputGuardTest {

    @TempDir
    Path dir;

    private UserFacingException refusal(Path input, Path output) {
        return assertThrows(UserFacingException.class,
                () -> OutputGuard.create().input("the source image", input).output("--json", output).check());
    }

    @Test
    void refusesAnOutputReachingAnInputThroughALinkOrADotDot() throws IOException {
        Path input = Files.writeString(dir.resolve("a.jpg"), "image");
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), dir);
        assertTrue(refusal(input, linkedFolder.resolve("a.jpg")).getMessage().contains("is the source image"));
        assertTrue(refusal(input, dir.resolve("x/../a.jpg")).getMessage().contains("is the source image"));
        Path hardLink = Files.createLink(dir.resolve("hard.jpg"), input);
        assertTrue(refusal(input, hardLink).getMessage().contains("is the source image"));
        Path symlink = Files.createSymbolicLink(dir.resolve("soft.jpg"), input);
        assertTrue(refusal(input, symlink).getMessage().contains("is the source image"));
    }

    @Test
    void acceptsNewFilesAndCreatesTheirFolderOnlyWhenEverythingIsValid() {
        Path input = dir.resolve("a.jpg");
        Path output = dir.resolve("new/sub/matches.json");
        assertThrows(UserFacingException.class, () -> OutputGuard.create().input("the source image", input)
                .output("--json", output).output("--figure", dir.resolve("new/f.svg"), ".png").check());
        assertTrue(!Files.exists(dir.resolve("new")), "a usage error creates nothing");
        assertDoesNotThrow(() -> OutputGuard.create().input("the source image", input).output("--json", output).check());
        assertTrue(Files.isDirectory(output.getParent()));
        assertTrue(refusal(input, dir).getMessage().contains("is a folder"));
    }
}
