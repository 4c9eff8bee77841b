package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and absurd pickles are refused with one exception type naming the file and the problem;
 * nothing is executed, nothing overflows, nothing runs out of memory.
 */
class UnsafeAndAbsurdInputTest {

    @TempDir
    Path dir;

    private String refusal(byte[] pickle) {
        Path file = PickleFiles.zipWithPickle(dir.resolve("hostile.pt"), pickle);
        TorchFormatException error = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(TorchFormatException.class, () -> TorchFile.read(file)));
        assertTrue(error.getMessage().startsWith(file.toString()), "the message names the file: " + error.getMessage());
        return error.getMessage();
    }

    @Test
    void refusesOsSystemThroughReduceAndRunsNothing() {
        Path marker = dir.resolve("pwned");
        byte[] pickle = PickleFiles.pickle().global("os", "system").string("touch " + marker).ops("\u0085R.").bytes();
        String message = refusal(pickle);
        assertTrue(message.contains("os.system"), message);
        assertFalse(Files.exists(marker), "the command did not run");
    }

    @Test
    void refusesPosixSystem() {
        String message = refusal(PickleFiles.pickle().global("posix", "system").string("id").ops("\u0085R.").bytes());
        assertTrue(message.contains("posix.system"), message);
    }

    @Test
    void refusesBuiltinsEvalThroughStackGlobal() {
        byte[] pickle = new PickleFiles.Builder().op(0x80).op(4).op(0x8c).op(8).ops("builtins").op(0x8c).op(4).ops("eval")
                .op(0x93).string("__import__('os').system('id')").ops("\u0085R.").bytes();
        String message = refusal(pickle);
        assertTrue(message.contains("builtins.eval"), message);
    }

    @Test
    void refusesAnObjectReconstructorEvenInsideAStateDict() {
        byte[] pickle = PickleFiles.pickle().global("collections", "OrderedDict").ops(")R(").string("x")
                .global("copyreg", "_reconstructor").ops(")R").ops("u.").bytes();
        assertTrue(refusal(pickle).contains("copyreg._reconstructor"));
    }

    @Test
    void refusesListsNestedAMillionDeepWithoutStackOverflow() {
        int depth = 1_000_000;
        byte[] pickle = PickleFiles.pickle().repeat("]", depth).repeat("a", depth - 1).ops(".").bytes();
        // a million lists on the stack is under the stack limit; the nesting check refuses the tree
        assertTrue(refusal(pickle).contains("nested deeper"));
    }

    @Test
    void refusesTuplesNestedDeeply() {
        byte[] pickle = PickleFiles.pickle().ops(")").repeat("\u0085", 100_000).ops(".").bytes();
        assertTrue(refusal(pickle).contains("nested deeper"));
    }

    @Test
    void refusesAListThatContainsItself() {
        byte[] pickle = PickleFiles.pickle().ops("]q\u0000h\u0000a.").bytes();
        assertTrue(refusal(pickle).contains("cycle"));
    }

    @Test
    void refusesSharedSubtreesThatExpandExponentially() {
        PickleFiles.Builder builder = PickleFiles.pickle().ops("]q\u0000");
        for (int level = 0; level < 64; level++) {
            builder.ops("]h\u0000ah\u0000aq\u0000");
        }
        assertTrue(refusal(builder.ops(".").bytes()).contains("expands to more than"));
    }

    @Test
    void refusesAStackFlood() {
        assertTrue(refusal(PickleFiles.pickle().repeat("N", 1_200_000).ops(".").bytes()).contains("stack exceeds"));
    }

    @Test
    void refusesAMemoFlood() {
        assertTrue(refusal(PickleFiles.pickle().ops("N").repeat("\u0094", 1_100_000).ops(".").bytes()).contains("memo exceeds"));
    }

    @Test
    void refusesMoreContainerItemsThanTheLimit() {
        PickleFiles.Builder builder = PickleFiles.pickle().ops("]");
        for (int batch = 0; batch < 12; batch++) {
            builder.ops("(").repeat("N", 900_000).ops("e");
        }
        assertTrue(refusal(builder.ops(".").bytes()).contains("containers hold more than"));
    }

    @Test
    void refusesAStringLongerThanTheFile() {
        byte[] pickle = PickleFiles.pickle().ops("X\u00f0\u00ff\u00ff\u000f").bytes();
        assertTrue(refusal(pickle).contains("limit"));
        byte[] shorter = PickleFiles.pickle().ops("X\u00f0\u00ff\u0000\u0000abc").bytes();
        assertTrue(refusal(shorter).contains("truncated"));
    }

    @Test
    void refusesATensorReachingPastItsStorage() {
        assertTrue(refusal(tensorPickle("K\u0005", "K\u0001")).contains("reaches element"));
    }

    @Test
    void refusesAnAbsurdShape() {
        // shape (2^62, 2^62): the element count overflows
        String huge = "\u008a\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0040";
        byte[] pickle = tensorPickleWithShape(huge + huge + "\u0086", "K\u0000K\u0000\u0086");
        assertTrue(refusal(pickle).contains("too many elements"));
    }

    @Test
    void refusesAPickleWithoutStop() {
        assertTrue(refusal(PickleFiles.pickle().ops("}").bytes()).contains("truncated"));
    }

    @Test
    void refusesAnUnknownOpcode() {
        assertTrue(refusal(PickleFiles.pickle().ops("\u00ff").bytes()).contains("opcode 0xff"));
    }

    /** A float32 tensor over storage "0" of 4 elements with one dimension of the given size and stride opcodes. */
    private byte[] tensorPickle(String sizeOp, String strideOp) {
        return tensorPickleWithShape(sizeOp + "\u0085", strideOp + "\u0085");
    }

    private byte[] tensorPickleWithShape(String sizeTuple, String strideTuple) {
        return PickleFiles.pickle().global("torch._utils", "_rebuild_tensor_v2").ops("((").string("storage")
                .global("torch", "FloatStorage").string("0").string("cpu").ops("K\u0004tQK\u0000")
                .ops(sizeTuple).ops(strideTuple).ops("\u0089").global("collections", "OrderedDict").ops(")RtR.")
                .bytes();
    }
}
