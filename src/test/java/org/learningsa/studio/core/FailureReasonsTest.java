package org.learningsa.studio.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write names the reason, not a temporary path; a long message keeps its reason. */
class FailureReasonsTest {

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheReason() {
        // sysfs refuses new files even to root, so this holds whoever runs the tests
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !Files.isWritable(sys.resolve("lsa-test.json")), "no /sys here");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> AtomicFiles.writeString(sys.resolve("lsa-test.json"), "{}"));
        assertTrue(e.getMessage().startsWith("cannot write /sys/lsa-test.json: permission denied"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), "the temporary file is no reason: " + e.getMessage());
    }

    @Test
    void theJdksExceptionsBecomeReasons() {
        assertTrue(IoReasons.reasonOf(new AccessDeniedException("/out/.m.json123.tmp")).startsWith("permission denied"));
        assertTrue(IoReasons.reasonOf(new FileSystemException("/out/x", null, "Read-only file system"))
                .equals("Read-only file system"));
        assertTrue(IoReasons.reasonOf(new FileSystemException("/out/x/y", null, "Not a directory"))
                .equals("a part of the path is a file, not a folder"));
    }

    @Test
    void aWriteUnderAFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "mine");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> OutputGuard.create().output("--json", file.resolve("m.json")).check());
        assertTrue(e.getMessage().contains("a file of that name is in the way")
                || e.getMessage().contains("a part of the path is a file, not a folder"), e.getMessage());
    }

    @Test
    void aLongNameInAMessageLeavesItsReasonVisible() {
        String id = "i".repeat(5_000);
        String message = EchoedText.message("the points file p.json: points[0] (id " + id + ") lies outside the image",
                InputLimits.MAX_MESSAGE_CHARS);
        assertTrue(message.startsWith("the points file p.json"), message);
        assertTrue(message.endsWith("lies outside the image"), message);
        assertTrue(message.length() <= InputLimits.MAX_MESSAGE_CHARS + 60, "capped: " + message.length());
    }

    @Test
    void aFolderThatIsAFileIsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes"), "mine");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> AtomicFiles.writeString(file.resolve("m.json"), "{}"));
        assertTrue(e.getMessage().endsWith(file + " is a file, not a folder"), e.getMessage());
    }
}
