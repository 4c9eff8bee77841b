package org.learningsa.studio.ui.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Watches the JavaFX thread while a test drives the panel, in two ways:
 * <ul>
 * <li>every 2 ms it samples the thread's state: a JavaFX thread that is BLOCKED or WAITING inside the app's
 *     own code (a frame of {@code org.learningsa} on its stack: a lock, a future, a sleep, a file read that
 *     blocks) is waiting on someone else — on this panel that would be the training. Such samples are
 *     counted with the lock and the app's frame. Waits of the toolkit itself (its event queue, the hand-over
 *     to the render thread, the test robot) are not the app's and are not counted.</li>
 * <li>every 5 ms it posts an empty {@code Platform.runLater} and records how long it took to run
 *     (responsiveness as the user feels it), and it reads the thread's CPU time (how busy it was).</li>
 * </ul>
 * On a loaded machine the latencies grow with the load; the waiting samples and the CPU time do not.
 */
final class FxThreadProbe implements AutoCloseable {

    record Report(double medianLatencyMs, double p99LatencyMs, double maxLatencyMs, int latencySamples,
                  int stateSamples, int waitingSamples, Map<String, Integer> waitsOn, double cpuShare) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "runLater latency median %.1f ms, p99 %.0f ms, max %.0f ms (%d probes); "
                            + "JavaFX thread busy %.1f %% of the time; %d of %d state samples waiting on something else %s",
                    medianLatencyMs, p99LatencyMs, maxLatencyMs, latencySamples, 100 * cpuShare, waitingSamples, stateSamples,
                    waitsOn);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger stateSamples = new AtomicInteger();
    private final AtomicInteger waitingSamples = new AtomicInteger();
    private final Map<String, Integer> waitsOn = new ConcurrentHashMap<>();
    private long fxThreadId = -1;
    private long startCpu;
    private long startWall;

    FxThreadProbe start() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JavaFX Application Thread")) {
                fxThreadId = t.getId();
            }
        }
        if (fxThreadId < 0) {
            throw new IllegalStateException("no JavaFX Application Thread");
        }
        startCpu = threads.getThreadCpuTime(fxThreadId);
        startWall = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> latencies.add(System.nanoTime() - posted));
        }, 0, 5, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(this::sampleState, 1, 2, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sampleState() {
        ThreadInfo info = threads.getThreadInfo(fxThreadId, 64);
        if (info == null) {
            return;
        }
        stateSamples.incrementAndGet();
        Thread.State state = info.getThreadState();
        if (state == Thread.State.RUNNABLE || state == Thread.State.NEW) {
            return;
        }
        StackTraceElement[] stack = info.getStackTrace();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.learningsa") && !frame.getClassName().contains("Test")) {
                waitingSamples.incrementAndGet();
                waitsOn.merge(state + " " + info.getLockName() + " in " + frame, 1, Integer::sum);
                return;
            }
        }
    }

    Report report() {
        double[] ms = latencies.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        double cpu = (threads.getThreadCpuTime(fxThreadId) - startCpu) / (double) (System.nanoTime() - startWall);
        if (ms.length == 0) {
            return new Report(Double.NaN, Double.NaN, Double.NaN, 0, stateSamples.get(), waitingSamples.get(), Map.copyOf(waitsOn), cpu);
        }
        return new Report(ms[ms.length / 2], ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))], ms[ms.length - 1], ms.length,
                stateSamples.get(), waitingSamples.get(), Map.copyOf(waitsOn), cpu);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
