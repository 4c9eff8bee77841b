package org.learningsa.studio.align;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.StateDict;

/**
 * The one path from a file to "this is a LearningSA checkpoint" or the real reason it is not, shared by
 * {@code lsa match --checkpoint}, the best-checkpoint search, {@code lsa doctor} and the app: a missing file,
 * the reader's own finding (not a torch file, truncated, an unsafe pickle global, limits), or a readable
 * torch file whose tensors are someone else's network, named by what it holds.
 */
public final class CheckpointVerdict {

    /** Keys only a LearningSA state_dict has (possibly under a {@code module.} prefix). */
    static final List<String> SIGNATURE_KEYS = List.of("g_f", "tokens_to_token4_1.attention1.attn.proj.weight");
    private static final int KEYS_SHOWN = 3;

    private CheckpointVerdict() {
    }

    /**
     * Throws unless {@code file} is a readable torch checkpoint with LearningSA's keys.
     *
     * @throws UserFacingException naming the file and what was found (the reader's own message for a file
     *                             that is not a readable torch checkpoint)
     */
    public static void check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("cannot open checkpoint " + file + ": "
                    + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (StateDict stateDict = StateDict.load(file)) {
            boolean learningSa = SIGNATURE_KEYS.stream()
                    .allMatch(k -> stateDict.contains(k) || stateDict.contains("module." + k));
            if (!learningSa) {
                throw new UserFacingException(file + " is a PyTorch checkpoint of another network, not LearningSA's: its "
                        + stateDict.size() + " tensor(s) (" + firstKeys(stateDict) + ") lack "
                        + String.join(" and ", SIGNATURE_KEYS));
            }
        }
    }

    private static String firstKeys(StateDict stateDict) {
        String shown = stateDict.keys().stream().limit(KEYS_SHOWN).map(EchoedText::name).collect(Collectors.joining(", "));
        return stateDict.size() > KEYS_SHOWN ? shown + ", …" : shown;
    }
}
