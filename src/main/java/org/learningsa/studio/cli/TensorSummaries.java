package org.learningsa.studio.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.torch.CheckpointContents;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TensorStorage;
import org.learningsa.studio.torch.TorchFile;
import org.learningsa.studio.torch.TorchFormatException;

/**
 * The per-tensor sums and first values of {@code inspect --json}, computed once per distinct view of a storage
 * (a tree that references one large tensor a thousand times is summed once), with the elements summed bounded
 * by a multiple of what the file's storages really hold: a view with stride 0 over a one-element storage
 * cannot make the command sum a billion elements.
 */
final class TensorSummaries {

    private record View(TensorStorage storage, long offset, String shape, String strides) {
    }

    private final TorchFile file;
    private final Map<View, ObjectNode> byView = new HashMap<>();
    private final long budget;
    private long spent;

    TensorSummaries(TorchFile file, CheckpointContents contents) {
        this.file = file;
        Map<TensorStorage, Boolean> storages = new IdentityHashMap<>();
        long stored = 0;
        for (CheckpointContents.TensorEntry entry : contents.tensors()) {
            if (storages.put(entry.tensor().storage(), Boolean.TRUE) == null) {
                stored += entry.tensor().storage().numel();
            }
        }
        this.budget = InputLimits.INSPECT_SUM_WORK_CONSTANT
                + Math.min(Long.MAX_VALUE / 8, stored) * InputLimits.INSPECT_SUM_WORK_PER_STORED_ELEMENT;
    }

    /** Adds the values (small tensors) or the sum and first values to {@code node}. */
    void summarise(TensorData tensor, ObjectNode node) {
        View view = new View(tensor.storage(), tensor.storageOffset(), Arrays.toString(tensor.shape()),
                Arrays.toString(tensor.strides()));
        ObjectNode known = byView.get(view);
        if (known == null) {
            spent += tensor.numel();
            if (spent > budget) {
                throw new TorchFormatException(file.file(), "its tensors view the stored data more than "
                        + InputLimits.INSPECT_SUM_WORK_PER_STORED_ELEMENT + " times over (" + spent
                        + " elements to sum; overlapping or zero-stride views); inspect without --json lists them");
            }
            known = node.objectNode();
            InspectJson.summarise(tensor, known);
            byView.put(view, known);
        }
        node.setAll(known);
    }
}
