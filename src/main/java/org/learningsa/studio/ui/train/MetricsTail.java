package org.learningsa.studio.ui.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.learningsa.studio.train.MetricsLines;
import org.learningsa.studio.train.MetricsLog;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.ValidationMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a run's {@code metrics.jsonl} as it grows, whoever writes it (this app's trainer or
 * {@code lsa train} in a terminal): every period it reads the bytes appended since the last read on a
 * background thread, parses the complete lines and hands them over as one {@link MetricsBatch}. A
 * partial last line waits for its newline; a file that shrinks or is replaced is read again from the
 * start (with {@code reset} set). The file may not exist yet: a run that is starting creates it later.
 */
final class MetricsTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsTail.class);
    /** Reading in blocks keeps a 50 000-line file's first read at a few hundred milliseconds. */
    private static final int BLOCK = 1 << 16;
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lsa-metrics-tail");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final Consumer<MetricsBatch> sink;
    private final java.util.List<StepMetrics> steps = new java.util.ArrayList<>();
    private final java.util.List<ValidationMetrics> validations = new java.util.ArrayList<>();
    private int otherLines;
    private final java.io.ByteArrayOutputStream partialLine = new java.io.ByteArrayOutputStream();
    private long offset;
    private Object fileKey;
    private ScheduledFuture<?> schedule;
    private volatile boolean closed;

    /**
     * @param sink receives each non-empty batch on the tail's thread (the caller moves it to the UI thread)
     */
    MetricsTail(Path file, Consumer<MetricsBatch> sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Starts following: a first read at once, then one every {@code periodMillis}. */
    synchronized MetricsTail start(long periodMillis) {
        if (schedule == null && !closed) {
            schedule = POLLER.scheduleWithFixedDelay(this::pollQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    Path file() {
        return file;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // one bad read must not stop the following (the scheduler would drop the task silently)
            LOG.warn("reading {} failed", file, e);
        }
    }

    /** Reads what was appended since the last call and delivers it; for tests, also callable directly. */
    synchronized void poll() {
        if (closed) {
            return;
        }
        boolean reset = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            long size = channel.size();
            if (size < offset || (fileKey != null && key != null && !key.equals(fileKey))) {
                reset = offset > 0;
                offset = 0;
                partialLine.reset();
            }
            fileKey = key;
            if (size > offset) {
                readFrom(channel, size);
            }
        } catch (NoSuchFileException e) {
            reset = offset > 0;
            offset = 0;
            partialLine.reset();
        } catch (IOException e) {
            LOG.debug("cannot read {} yet: {}", file, e.toString());
            return;
        }
        MetricsBatch batch = new MetricsBatch(reset, steps, validations, otherLines);
        steps.clear();
        validations.clear();
        otherLines = 0;
        if (!batch.isEmpty() && !closed) {
            sink.accept(batch);
        }
    }

    private void readFrom(FileChannel channel, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
        channel.position(offset);
        while (offset < size) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read <= 0) {
                break;
            }
            offset += read;
            byte[] bytes = buffer.array();
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    partialLine.write(bytes, lineStart, i - lineStart);
                    accept(partialLine.toString(StandardCharsets.UTF_8));
                    partialLine.reset();
                    lineStart = i + 1;
                }
            }
            partialLine.write(bytes, lineStart, read - lineStart);
        }
    }

    private void accept(String line) {
        if (line.isBlank()) {
            return;
        }
        MetricsLog.Entry entry = MetricsLines.parse(line);
        if (entry instanceof StepMetrics step) {
            steps.add(step);
        } else if (entry instanceof ValidationMetrics validation) {
            validations.add(validation);
        } else {
            otherLines++;
        }
    }

    /**
     * Reads a whole file once (the runs list). Like the trainer's reader it tolerates a partial last
     * line: a line without its newline is still being written, or was cut off by a crash.
     */
    static MetricsBatch readAll(Path file) {
        MetricsBatch[] result = {MetricsBatch.EMPTY};
        new MetricsTail(file, batch -> result[0] = batch).poll();
        return result[0];
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
