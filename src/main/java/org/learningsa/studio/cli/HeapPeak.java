package org.learningsa.studio.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak Java heap over a stretch of work, for the benchmarks' memory lines. */
final class HeapPeak {

    private HeapPeak() {
    }

    /** The heap still in use after a collection. */
    static long retained() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Collects, restarts the pools' peak counters and returns the heap retained at that point. */
    static long reset() {
        long retained = retained();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return retained;
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    static long peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
