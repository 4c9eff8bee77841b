package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;

/**
 * The hostile checkpoints of issue 11, each refused within seconds with one line naming the file: tuple DAGs
 * that double at each level (as dict keys, set items, compared for equality), duplicate zip entries, and
 * global names that carry terminal escape sequences or are megabytes long.
 */
class HostileCheckpointTest {

    /** Each refusal must come well within this; before the fix the 40-level key ran for minutes. */
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private String refusal(byte[] pickle) {
        Path file = PickleFiles.zipWithPickle(dir.resolve("hostile.pt"), pickle);
        TorchFormatException error = assertTimeoutPreemptively(BUDGET,
                () -> assertThrows(TorchFormatException.class, () -> TorchFile.read(file)));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
        return error.getMessage();
    }

    /** Opcodes that leave one tuple on the stack: t0 = (), t(i+1) = (t(i), t(i)) through memo slot {@code slot}. */
    private static String tupleDag(int levels, int slot) {
        char memo = (char) slot;
        StringBuilder ops = new StringBuilder(")q").append(memo);
        for (int level = 0; level < levels; level++) {
            ops.append("0h").append(memo).append('h').append(memo).append("\u0086q").append(memo);
        }
        return ops.toString();
    }

    @Test
    void refusesATupleDagOfFortyLevelsUsedAsADictKey() {
        String message = refusal(PickleFiles.pickle().ops("}").ops(tupleDag(40, 0)).ops("Ns.").bytes());
        assertTrue(message.contains("expands to"), message);
    }

    @Test
    void refusesATupleDagUsedAsAFrozensetItem() {
        String message = refusal(PickleFiles.pickle().ops("(").ops(tupleDag(40, 0)).ops("\u0091.").bytes());
        assertTrue(message.contains("expands to"), message);
    }

    @Test
    void refusesKeysJustOverTheKeyLimitWithoutWalkingThem() {
        // 10 levels: 2^11 - 1 = 2047 expanded values, over the 1,000 a key may have, far under the tree limit
        String message = refusal(PickleFiles.pickle().ops("}").ops(tupleDag(10, 0)).ops("Ns.").bytes());
        assertTrue(message.contains("dict key or set item expands to 2047 values"), message);
    }

    @Test
    void comparesTwoEqualButSeparateTupleDagsInLinearTime() {
        // two structurally equal 8-level DAGs (511 values) in different memo slots, both as keys of one dict:
        // the second insertion compares them; Arrays.equals tries identity first, so sharing costs nothing
        byte[] withMark = PickleFiles.pickle().ops("}(").ops(tupleDag(8, 0)).ops("N").ops(tupleDag(8, 1))
                .ops("Nu.").bytes();
        Path file = PickleFiles.zipWithPickle(dir.resolve("equal-keys.pt"), withMark);
        TorchFile read = assertTimeoutPreemptively(BUDGET, () -> TorchFile.read(file));
        assertEquals(1, ((PyDict) read.root()).size(), "the two keys are equal, as in Python");
    }

    @Test
    void refusesATupleDagAsAPlainValueBeforeAnythingWalksIt() {
        String message = refusal(PickleFiles.pickle().ops(tupleDag(40, 0)).ops(".").bytes());
        assertTrue(message.contains("a tuple expands to") && message.contains(
                Long.toString(InputLimits.PICKLE_MAX_EXPANDED_VALUES)), message);
    }

    @Test
    void refusesDuplicateZipEntryNames() throws IOException {
        byte[] benign = PickleFiles.pickle().ops("}.").bytes();
        byte[] hostile = PickleFiles.pickle().global("os", "system").string("id").ops("\u0085R.").bytes();
        Path file = dir.resolve("twice.pt");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ZipWriter zip = new ZipWriter(channel);
            zip.addEntry("archive/data.pkl", ByteBuffer.wrap(benign));
            zip.addEntry("archive/data.pkl", ByteBuffer.wrap(hostile));
            zip.addEntry("archive/version", ByteBuffer.wrap("3\n".getBytes(StandardCharsets.US_ASCII)));
            zip.finish();
        }
        TorchFormatException error = assertThrows(TorchFormatException.class, () -> TorchFile.read(file));
        assertTrue(error.getMessage().contains("archive/data.pkl appears twice"), error.getMessage());
    }

    @Test
    void escapesTerminalSequencesInAGlobalName() {
        String forged = "\u001b[2J\u001b[31m\rlsa: checkpoint is fine\n\u009b1m";
        byte[] pickle = new PickleFiles.Builder().op(0x80).op(4).string(forged).string("x").op(0x93).ops(".").bytes();
        String message = refusal(pickle);
        assertFalse(message.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), message);
        assertTrue(message.contains("\\e[2J\\e[31m\\rlsa: checkpoint is fine\\n\\u009b1m.x"), message);
    }

    @Test
    void refusesAMegabyteGlobalNameInOneShortLine() {
        String huge = "a".repeat(8 << 20);
        byte[] pickle = new PickleFiles.Builder().op(0x80).op(4).string("os").string(huge).op(0x93).ops(".").bytes();
        String message = refusal(pickle);
        assertTrue(message.length() < InputLimits.MAX_MESSAGE_CHARS + 100, "capped: " + message.length());
        assertTrue(message.contains("STACK_GLOBAL names a global of"), message);
    }
}
