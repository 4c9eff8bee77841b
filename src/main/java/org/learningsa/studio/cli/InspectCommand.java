package org.learningsa.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.torch.CheckpointContents;
import org.learningsa.studio.torch.PickleTypes;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lsa inspect FILE [--json]}: the structure of any torch.save file, read safely. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a torch.save file (.pt/.pth, zip or legacy format) holds: every tensor's key, dtype, "
                + "shape and size, the other values, totals, and for a LearningSA checkpoint its parts and trained "
                + "scalars. The file is read safely: an unknown pickle global is named, never executed.")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the checkpoint to inspect")
    Path file;

    @Option(names = "--json", description = "print a JSON description (every tensor with strides, storage ids, "
            + "sum and first values) instead of the table")
    boolean json;

    @Option(names = "--verify", description = "also read every byte and check the zip's CRC-32 checksums "
            + "(the legacy format has none)")
    boolean verify;

    @Override
    public Integer call() throws Exception {
        TorchFile torchFile = TorchFile.read(file);
        int verified = verify ? torchFile.verifyChecksums() : -1;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // every non-ASCII character as \\uXXXX: Jackson escapes C0 controls itself, and this also covers C1
            // controls (U+009B is CSI on some terminals) and bidi overrides in keys and strings from the file
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.getFactory().configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
            out.println(mapper.writeValueAsString(InspectJson.describe(torchFile)));
        } else {
            printTable(torchFile, out);
            if (verify) {
                out.println(verified > 0 ? "Checksums: all " + verified + " zip entries match their CRC-32"
                        : "Checksums: none to verify (the legacy format has no checksums)");
            }
        }
        out.flush();
        return 0;
    }

    private static void printTable(TorchFile torchFile, PrintWriter out) throws java.io.IOException {
        CheckpointContents contents = CheckpointContents.of(torchFile);
        out.printf(Locale.ROOT, "File:      %s (%.1f MB)%n", torchFile.file(), Files.size(torchFile.file()) / 1e6);
        out.printf(Locale.ROOT, "Format:    %s, top level %s%n", torchFile.format().label(), PickleTypes.describe(torchFile.root()));
        List<CheckpointContents.TensorEntry> tensors = contents.tensors();
        int keyWidth = Math.max(3, tensors.stream().mapToInt(t -> key(t.path()).length()).max().orElse(3));
        out.println();
        out.printf(Locale.ROOT, "%-" + keyWidth + "s  %-8s  %-18s  %10s%n", "key", "dtype", "shape", "MB");
        long elements = 0;
        Map<Integer, String> firstKeyOfStorage = new java.util.HashMap<>();
        for (CheckpointContents.TensorEntry entry : tensors) {
            TensorData tensor = entry.tensor();
            elements += tensor.numel();
            String key = key(entry.path());
            String sharedWith = firstKeyOfStorage.putIfAbsent(entry.storageId(), key);
            out.printf(Locale.ROOT, "%-" + keyWidth + "s  %-8s  %-18s  %10.3f%s%n", key, tensor.dtype().pythonName(),
                    shape(tensor.shape()), tensor.numel() * tensor.dtype().elementSize() / 1e6,
                    sharedWith == null ? "" : "  (storage shared with " + sharedWith + ")");
        }
        if (!contents.values().isEmpty()) {
            out.println();
            out.println("Other values:");
            for (CheckpointContents.ValueEntry value : contents.values()) {
                out.printf(Locale.ROOT, "  %s = %s (%s)%n", key(value.path()), text(value.value()), value.type());
            }
        }
        java.util.IdentityHashMap<Object, Boolean> storages = new java.util.IdentityHashMap<>();
        long storageBytes = 0;
        for (CheckpointContents.TensorEntry entry : tensors) {
            if (storages.put(entry.tensor().storage(), Boolean.TRUE) == null) {
                storageBytes += entry.tensor().storage().byteSize();
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Totals:    %d tensors, %d elements, %d distinct storages, %.1f MB of tensor data%n",
                tensors.size(), elements, contents.distinctStorages(), storageBytes / 1e6);
        Map<String, TensorData> stateDict = stateDictOf(torchFile.root());
        if (LearningSaSummary.applies(stateDict)) {
            LearningSaSummary.print(stateDict, out);
        }
    }

    private static Map<String, TensorData> stateDictOf(Object root) {
        Object candidate = root instanceof PyDict dict && dict.get("net") instanceof PyDict net ? net : root;
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        if (candidate instanceof PyDict dict) {
            dict.forEach((key, value) -> {
                if (key instanceof String name && value instanceof TensorData tensor) {
                    tensors.put(name, tensor);
                }
            });
        }
        return tensors;
    }

    /** A key path as the file spells it, escaped and capped: keys come from the file and must not drive the terminal. */
    private static String key(List<Object> path) {
        return path.isEmpty() ? "(top level)"
                : EchoedText.name(path.stream().map(String::valueOf).collect(Collectors.joining("/")));
    }

    private static String shape(long[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        return java.util.Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    /** A value as one escaped line of at most {@link EchoedText#MAX_NAME_CHARS} characters (dicts print their first items). */
    private static String text(Object value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return EchoedText.name(out.toString());
    }

    private static void append(Object value, StringBuilder out) {
        if (out.length() > EchoedText.MAX_NAME_CHARS) {
            return;
        }
        if (value instanceof String string) {
            out.append('\'').append(string, 0, Math.min(string.length(), EchoedText.MAX_NAME_CHARS + 1)).append('\'');
        } else if (value instanceof PyDict dict) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : dict.entrySet()) {
                if (out.length() > EchoedText.MAX_NAME_CHARS) {
                    break;
                }
                out.append(first ? "" : ", ");
                append(e.getKey(), out);
                out.append(": ");
                append(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else {
            out.append(value == null ? "None" : value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value));
        }
    }
}
