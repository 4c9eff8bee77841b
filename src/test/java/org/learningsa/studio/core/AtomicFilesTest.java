package org.learningsa.studio.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writtenFileIsReadableByOthersAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("report.json");
        AtomicFiles.writeString(file, "{\"pck\": 0.81}");
        assertEquals("{\"pck\": 0.81}", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, count(folder), "only the file itself remains");
    }

    @Test
    void aWriterThatClosesTheStreamStillProducesTheWholeFile() throws IOException {
        Path file = folder.resolve("closed.txt");
        AtomicFiles.write(file, out -> {
            out.write("first ".getBytes(StandardCharsets.UTF_8));
            out.write("second".getBytes(StandardCharsets.UTF_8));
            out.close(); // Jackson and ImageIO close what they are given
        });
        assertEquals("first second", Files.readString(file));
    }

    @Test
    void aFailingWriterKeepsTheOldContentAndNamesTheFile() throws IOException {
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, "old");
        UserFacingException error = assertThrows(UserFacingException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("disk full"), error.getMessage());
        assertEquals("old", Files.readString(file), "a failed write never replaces the old file");
        assertEquals(1, count(folder), "the temporary file was removed");
    }

    @Test
    void aMissingFolderIsAClearError() {
        Path file = folder.resolve("no-such-folder").resolve("figure.png");
        UserFacingException error = assertThrows(UserFacingException.class, () -> AtomicFiles.writeString(file, "x"));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writingAFileRemovesItsOwnStaleTemporariesAndNothingElse() throws IOException {
        Path target = folder.resolve("figure.png");
        Path stale = Files.writeString(folder.resolve(".figure.png123456789.tmp"), "left by a killed run");
        Path fresh = Files.writeString(folder.resolve(".figure.png987654321.tmp"), "another run writing now");
        Path foreign = Files.writeString(folder.resolve(".figure.png-notes.tmp"), "not ours");
        Path otherFile = Files.writeString(folder.resolve(".other.png123.tmp"), "another output's");
        long old = System.currentTimeMillis() - AtomicFiles.STALE_TEMPORARY_MILLIS - 60_000;
        for (Path file : new Path[] {stale, foreign, otherFile}) {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(old));
        }
        AtomicFiles.writeString(target, "new");
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(stale), "our stale temporary is gone");
        assertTrue(Files.exists(fresh) && Files.exists(foreign) && Files.exists(otherFile), "the rest is kept");
    }
}
