package org.learningsa.studio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.torch.CheckpointContents;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.PickleTypes;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.PyTuple;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchFile;

/**
 * The {@code lsa inspect --json} description of a torch file, in the schema of the torch-format
 * fixtures (see their README): every tensor with all its values when it has fewer than 64, else
 * its float64 (or exact integer) sum and first 8 values; non-tensor values; containers.
 */
final class InspectJson {

    /** Tensors with fewer elements list every value; larger ones get sum and first 8 (fixture schema). */
    static final int ALL_VALUES_BELOW = 64;
    static final int FIRST_VALUES = 8;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private InspectJson() {
    }

    /**
     * {@code torch_version} is null: a torch.save file does not record the torch version that wrote it
     * (the fixtures' generator took it from its own interpreter).
     */
    static ObjectNode describe(TorchFile file) {
        CheckpointContents contents = CheckpointContents.of(file);
        TensorSummaries summaries = new TensorSummaries(file, contents);
        ObjectNode root = JSON.objectNode();
        root.put("file", file.file().getFileName().toString());
        root.put("format", file.format().label());
        root.putNull("torch_version");
        root.put("top_level_type", PickleTypes.describe(file.root()));
        root.put("n_distinct_storages", contents.distinctStorages());
        ArrayNode tensors = root.putArray("tensors");
        for (CheckpointContents.TensorEntry entry : contents.tensors()) {
            tensors.add(tensor(entry, summaries));
        }
        ArrayNode values = root.putArray("non_tensor_values");
        for (CheckpointContents.ValueEntry entry : contents.values()) {
            ObjectNode value = values.addObject();
            value.set("path", path(entry.path()));
            value.put("type", entry.type());
            value.set("value", plain(entry.value()));
        }
        ArrayNode containers = root.putArray("containers");
        for (CheckpointContents.ContainerEntry entry : contents.containers()) {
            ObjectNode container = containers.addObject();
            container.set("path", path(entry.path()));
            container.put("type", entry.type());
            container.put("len", entry.length());
            if (entry.keys() != null) {
                container.set("keys", path(entry.keys()));
            }
        }
        return root;
    }

    private static ObjectNode tensor(CheckpointContents.TensorEntry entry, TensorSummaries summaries) {
        TensorData tensor = entry.tensor();
        ObjectNode node = JSON.objectNode();
        node.set("path", path(entry.path()));
        node.put("python_type", tensor.isParameter() ? "Parameter" : "Tensor");
        node.put("requires_grad", tensor.requiresGrad());
        node.put("dtype", tensor.dtype().pythonName());
        node.set("shape", longs(tensor.shape()));
        node.set("stride", longs(tensor.strides()));
        node.put("storage_offset", tensor.storageOffset());
        node.put("storage_id", entry.storageId());
        node.put("storage_numel", tensor.storage().numel());
        node.put("numel", tensor.numel());
        summaries.summarise(tensor, node);
        return node;
    }

    /** The values, or the sum and first values, of one tensor (what {@link TensorSummaries} memoises per view). */
    static void summarise(TensorData tensor, ObjectNode node) {
        if (tensor.numel() < ALL_VALUES_BELOW) {
            node.set("values", elements(tensor, tensor.numel()));
        } else {
            node.set("sum", sum(tensor));
            node.set("first8", elements(tensor, FIRST_VALUES));
        }
    }

    private static ArrayNode elements(TensorData tensor, long count) {
        ArrayNode values = JSON.arrayNode();
        for (long i = 0; i < Math.min(count, tensor.numel()); i++) {
            values.add(element(tensor, i));
        }
        return values;
    }

    private static JsonNode element(TensorData tensor, long index) {
        if (tensor.dtype() == DType.BOOL) {
            return JSON.booleanNode(tensor.getLong(index) != 0);
        }
        if (tensor.dtype().isFloatingPoint()) {
            return floatNode(tensor.getDouble(index));
        }
        return JSON.numberNode(tensor.getLong(index));
    }

    private static JsonNode sum(TensorData tensor) {
        if (tensor.dtype().isFloatingPoint()) {
            return floatNode(tensor.sumAsDouble());
        }
        BigInteger sum = BigInteger.ZERO;
        long partial = 0;
        for (long i = 0; i < tensor.numel(); i++) {
            long value = tensor.getLong(i);
            try {
                partial = Math.addExact(partial, value);
            } catch (ArithmeticException overflow) {
                sum = sum.add(BigInteger.valueOf(partial));
                partial = value;
            }
        }
        return JSON.numberNode(sum.add(BigInteger.valueOf(partial)));
    }

    /** Non-finite floats and negative zero are strings, as in the fixtures (JSON has no literal for them). */
    static JsonNode floatNode(double value) {
        if (Double.isNaN(value)) {
            return JSON.textNode("nan");
        }
        if (Double.isInfinite(value)) {
            return JSON.textNode(value > 0 ? "inf" : "-inf");
        }
        if (value == 0 && Double.doubleToRawLongBits(value) != 0) {
            return JSON.textNode("-0.0");
        }
        return JSON.numberNode(value);
    }

    private static ArrayNode path(List<Object> steps) {
        ArrayNode path = JSON.arrayNode();
        for (Object step : steps) {
            path.add(plain(step));
        }
        return path;
    }

    private static ArrayNode longs(long[] values) {
        ArrayNode array = JSON.arrayNode();
        for (long value : values) {
            array.add(value);
        }
        return array;
    }

    /** A non-tensor value as JSON: dicts become objects (keys as text), sequences arrays. */
    private static JsonNode plain(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Long number) {
            return JSON.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Double number) {
            return floatNode(number);
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof byte[] bytes) {
            return JSON.textNode(HexFormat.of().formatHex(bytes));
        }
        if (value instanceof PyDict dict) {
            ObjectNode object = JSON.objectNode();
            for (Map.Entry<Object, Object> entry : dict.entrySet()) {
                object.set(String.valueOf(entry.getKey()), plain(entry.getValue()));
            }
            return object;
        }
        if (value instanceof PyTuple tuple) {
            return path(tuple.items());
        }
        if (value instanceof java.util.Collection<?> items) {
            return path(new java.util.ArrayList<>(items));
        }
        return JSON.textNode(PickleTypes.describe(value));
    }
}
