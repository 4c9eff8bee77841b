package org.learningsa.studio.torch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.core.InputLimits;

/**
 * Everything in a torch file, flattened in pickle order: each tensor, each non-tensor value and
 * each container with its path from the top (dict keys, sequence indices, {@code "@name"} for an
 * instance attribute such as a state_dict's {@code _metadata}). Storages are numbered in order of
 * first appearance, so equal ids mean one shared buffer.
 */
public final class CheckpointContents {

    /** A tensor at {@code path}; {@code storageId} numbers distinct storages from 0. */
    public record TensorEntry(List<Object> path, TensorData tensor, int storageId) {
    }

    /** A leaf that is not a tensor: Long/BigInteger, Double, Boolean, String, byte[], null, or an attribute's value. */
    public record ValueEntry(List<Object> path, String type, Object value) {
    }

    /** A dict, OrderedDict, list, tuple or set; {@code keys} for dicts, else null. */
    public record ContainerEntry(List<Object> path, String type, int length, List<Object> keys) {
    }

    private final List<TensorEntry> tensors = new ArrayList<>();
    private final List<ValueEntry> values = new ArrayList<>();
    private final List<ContainerEntry> containers = new ArrayList<>();
    private final Map<TensorStorage, Integer> storageIds = new IdentityHashMap<>();

    private CheckpointContents() {
    }

    /**
     * Flattens the tree of {@code file}; a tree that lists more than {@link InputLimits#INSPECT_MAX_ENTRIES}
     * entries (shared subtrees listed at each occurrence) is a {@link TorchFormatException} naming the file.
     */
    public static CheckpointContents of(TorchFile file) {
        try {
            return of(file.root());
        } catch (MalformedInputException e) {
            throw new TorchFormatException(file.file(), e.getMessage());
        }
    }

    /** Flattens a tree returned by {@link TorchFile#root()} (already checked for cycles and depth). */
    static CheckpointContents of(Object root) {
        CheckpointContents contents = new CheckpointContents();
        contents.visit(root, new ArrayList<>());
        return contents;
    }

    private void count() {
        if (tensors.size() + values.size() + containers.size() >= InputLimits.INSPECT_MAX_ENTRIES) {
            throw new MalformedInputException("the object tree lists more than " + InputLimits.INSPECT_MAX_ENTRIES
                    + " tensors, values and containers (shared subtrees listed at each occurrence)");
        }
    }

    public List<TensorEntry> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    public List<ValueEntry> values() {
        return Collections.unmodifiableList(values);
    }

    public List<ContainerEntry> containers() {
        return Collections.unmodifiableList(containers);
    }

    public int distinctStorages() {
        return storageIds.size();
    }

    private void visit(Object node, List<Object> path) {
        count();
        if (node instanceof TensorData tensor) {
            int id = storageIds.computeIfAbsent(tensor.storage(), s -> storageIds.size());
            tensors.add(new TensorEntry(List.copyOf(path), tensor, id));
        } else if (node instanceof PyDict dict) {
            containers.add(new ContainerEntry(List.copyOf(path), PickleTypes.describe(dict), dict.size(),
                    Collections.unmodifiableList(new ArrayList<>(dict.keySet()))));
            for (Map.Entry<Object, Object> entry : dict.entrySet()) {
                visitChild(entry.getValue(), path, entry.getKey());
            }
            for (Map.Entry<String, Object> attribute : dict.attributes().entrySet()) {
                List<Object> attributePath = new ArrayList<>(path);
                attributePath.add("@" + attribute.getKey());
                values.add(new ValueEntry(List.copyOf(attributePath), "attribute", attribute.getValue()));
            }
        } else if (node instanceof PyTuple || node instanceof Collection<?>) {
            List<Object> items = node instanceof PyTuple tuple ? tuple.items() : new ArrayList<>((Collection<?>) node);
            containers.add(new ContainerEntry(List.copyOf(path), PickleTypes.describe(node), items.size(), null));
            for (int i = 0; i < items.size(); i++) {
                visitChild(items.get(i), path, (long) i);
            }
        } else {
            values.add(new ValueEntry(List.copyOf(path), PickleTypes.describe(node), node));
        }
    }

    private void visitChild(Object child, List<Object> path, Object step) {
        path.add(step == null ? "None" : step instanceof PyTuple ? step.toString() : step);
        visit(child, path);
        path.remove(path.size() - 1);
    }
}
