package org.learningsa.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TensorStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lsa bench-io}: writes a checkpoint with the full LearningSA key set (1351 keys, 713 storages,
 * ~1.3 GB) with our own writer in both formats, then measures opening it and reading every byte.
 */
@Command(name = "bench-io", mixinStandardHelpOptions = true,
        description = "Checkpoint I/O benchmark: write a ~1.3 GB checkpoint with the LearningSA key set (zip and legacy "
                + "format), then report the time and heap to open it and to read every tensor byte. The files are "
                + "deleted afterwards. Note: the read right after writing is served from the OS page cache.")
public final class BenchCheckpointIoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "folder for the temporary checkpoints (needs ~1.4 GB free; default: the system temp folder)")
    Path dir;

    @Option(names = "--manifest", description = "state_dict manifest TSV (default: the bundled LearningSA manifest)")
    Path manifestFile;

    private record Measurement(String format, double writeSeconds, double fileMegabytes, double openSeconds,
                               double openRetainedHeapMb, double openPeakHeapMb, double readSeconds, double readGigabytesPerSecond,
                               double checksum) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(folder)) {
            throw new UserFacingException(folder + ": not a folder");
        }
        StateDictManifest manifest = manifestFile != null ? StateDictManifest.read(manifestFile) : StateDictManifest.bundled();
        long tensorBytes = 0;
        int aliases = 0;
        for (StateDictManifest.Row row : manifest.rows()) {
            if (row.aliasOf() != null) {
                aliases++;
            } else {
                tensorBytes += row.numel() * dtypeOf(row).elementSize();
            }
        }
        out.printf(Locale.ROOT, "LearningSA key set: %d keys (%d aliases sharing storage), %.1f MB of tensor data%n",
                manifest.rows().size(), aliases, tensorBytes / 1e6);
        out.flush();
        Measurement[] results = new Measurement[2];
        for (int i = 0; i < 2; i++) {
            boolean legacy = i == 1;
            Path file = folder.resolve("lsa-bench-io-" + ProcessHandle.current().pid() + (legacy ? "-legacy.pt" : "-zip.pt"));
            try {
                results[i] = measure(manifest, file, legacy, out);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        out.println();
        out.println("format  write s  file MB  open s  open heap MB (retained/peak)  full read s  read GB/s");
        for (Measurement m : results) {
            out.printf(Locale.ROOT, "%-6s  %7.2f  %7.1f  %6.3f  %12.1f / %-13.1f  %11.2f  %9.2f%n", m.format(), m.writeSeconds(),
                    m.fileMegabytes(), m.openSeconds(), m.openRetainedHeapMb(), m.openPeakHeapMb(), m.readSeconds(),
                    m.readGigabytesPerSecond());
        }
        out.printf(Locale.ROOT, "checksums (sum of all float values): zip %.6g, legacy %.6g%n", results[0].checksum(), results[1].checksum());
        out.flush();
        return 0;
    }

    private static Measurement measure(StateDictManifest manifest, Path file, boolean legacy, PrintWriter out) throws IOException {
        String format = legacy ? "legacy" : "zip";
        out.println("writing " + format + " checkpoint " + file + " ...");
        out.flush();
        long start = System.nanoTime();
        StateDict.save(file, stateDict(manifest), legacy);
        double writeSeconds = seconds(start);
        double fileMegabytes = Files.size(file) / 1e6;

        long baseline = HeapPeak.reset();
        start = System.nanoTime();
        StateDict stateDict = StateDict.load(file);
        double openSeconds = seconds(start);
        double peak = (HeapPeak.peak() - baseline) / 1e6;
        double retained = (HeapPeak.retained() - baseline) / 1e6;

        out.println("reading every byte of " + format + " ...");
        out.flush();
        start = System.nanoTime();
        double checksum = 0;
        long bytesRead = 0;
        Map<TensorStorage, Boolean> seen = new IdentityHashMap<>();
        for (String key : stateDict.keys()) {
            TensorData tensor = stateDict.get(key);
            if (seen.put(tensor.storage(), Boolean.TRUE) == null) {
                ByteBuffer bytes = tensor.storage().bytes();
                bytesRead += bytes.remaining();
                checksum += sum(bytes, tensor.dtype());
            }
        }
        double readSeconds = seconds(start);
        stateDict.close();
        return new Measurement(format, writeSeconds, fileMegabytes, openSeconds, retained, peak, readSeconds,
                bytesRead / 1e9 / readSeconds, checksum);
    }

    /** Every storage byte goes through the CPU: floats summed, int64 summed. */
    private static double sum(ByteBuffer bytes, DType dtype) {
        double total = 0;
        if (dtype == DType.FLOAT32) {
            FloatBuffer floats = bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] chunk = new float[1 << 14];
            while (floats.hasRemaining()) {
                int n = Math.min(chunk.length, floats.remaining());
                floats.get(chunk, 0, n);
                float partial = 0;
                for (int i = 0; i < n; i++) {
                    partial += chunk[i];
                }
                total += partial;
            }
        } else {
            LongBuffer longs = bytes.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            while (longs.hasRemaining()) {
                total += longs.get();
            }
        }
        return total;
    }

    /**
     * The key set with cheap contents: every float32 storage is a slice of one shared direct buffer
     * holding a repeating pattern (distinct storages in the file, no 1.3 GB of heap); aliases are the
     * same tensor as their canonical key, so the writer stores them once.
     */
    private static LinkedHashMap<String, TensorData> stateDict(StateDictManifest manifest) {
        long largest = manifest.rows().stream().mapToLong(r -> r.numel() * dtypeOf(r).elementSize()).max().orElse(0);
        ByteBuffer pattern = ByteBuffer.allocateDirect(Math.toIntExact(largest)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; pattern.remaining() >= 4; i++) {
            pattern.putFloat((i % 1000) * 1e-3f - 0.5f);
        }
        LinkedHashMap<String, TensorData> tensors = new LinkedHashMap<>();
        for (StateDictManifest.Row row : manifest.rows()) {
            if (row.aliasOf() != null) {
                TensorData canonical = tensors.get(row.aliasOf());
                if (canonical == null) {
                    throw new UserFacingException("manifest: alias " + row.name() + " names unknown key " + row.aliasOf());
                }
                tensors.put(row.name(), canonical);
                continue;
            }
            DType dtype = dtypeOf(row);
            int byteCount = Math.toIntExact(row.numel() * dtype.elementSize());
            ByteBuffer bytes = dtype == DType.FLOAT32
                    ? pattern.duplicate().clear().limit(byteCount)
                    : ByteBuffer.allocate(byteCount).order(ByteOrder.LITTLE_ENDIAN);
            tensors.put(row.name(), TensorData.of(dtype, row.shape(), bytes));
        }
        return tensors;
    }

    private static DType dtypeOf(StateDictManifest.Row row) {
        for (DType dtype : DType.values()) {
            if (dtype.pythonName().equals(row.dtype())) {
                return dtype;
            }
        }
        throw new UserFacingException("manifest: unknown dtype " + row.dtype() + " of " + row.name());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
