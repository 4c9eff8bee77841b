package org.learningsa.studio.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that starts DJL's PyTorch engine and decides the device. Offline mode is forced
 * so that a missing native library fails at once with a clear message instead of a download.
 * When the GPU is asked for but CUDA cannot be initialised, work falls back to the CPU and
 * {@link #fallbackMessage()} says why, so the UI and {@code lsa doctor} can show it.
 */
public final class EngineRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);
    private static volatile EngineRuntime instance;

    private final Engine engine;
    private final Device device;
    private final String fallbackMessage;

    private EngineRuntime(Engine engine, Device device, String fallbackMessage) {
        this.engine = engine;
        this.device = device;
        this.fallbackMessage = fallbackMessage;
    }

    /** Starts the engine (once per process) and picks the device for {@code choice}. */
    public static EngineRuntime start(DeviceChoice choice) {
        EngineRuntime current = instance;
        if (current != null && current.matches(choice)) {
            return current;
        }
        synchronized (EngineRuntime.class) {
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            Engine engine;
            try {
                engine = Engine.getEngine("PyTorch");
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("The PyTorch engine could not start: " + e.getMessage()
                        + ". Check that pytorch-jni and pytorch-native-cpu are in lib/ (see README, Troubleshooting).", e);
            }
            Device device = Device.cpu();
            String fallback = null;
            if (choice != DeviceChoice.CPU) {
                int gpus = safeGpuCount(engine);
                if (gpus > 0) {
                    try (NDManager probe = NDManager.newBaseManager(Device.gpu(), "PyTorch")) {
                        NDArray x = probe.ones(new ai.djl.ndarray.types.Shape(2, 2));
                        x.add(x).toFloatArray();
                        device = Device.gpu();
                    } catch (RuntimeException e) {
                        fallback = "CUDA initialisation failed (" + e.getMessage() + "); running on the CPU";
                    }
                } else if (choice == DeviceChoice.GPU) {
                    fallback = "No usable CUDA GPU (this build has " + flavor() + " natives); running on the CPU";
                }
            }
            if (fallback != null) {
                LOG.warn(fallback);
            }
            instance = new EngineRuntime(engine, device, fallback);
            LOG.info("Engine {} {} on {}", engine.getEngineName(), engine.getVersion(), instance.deviceDescription());
            return instance;
        }
    }

    private boolean matches(DeviceChoice choice) {
        return switch (choice) {
            case AUTO -> true;
            case CPU -> !device.isGpu();
            case GPU -> device.isGpu() || fallbackMessage != null;
        };
    }

    private static int safeGpuCount(Engine engine) {
        try {
            return engine.getGpuCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public Engine engine() {
        return engine;
    }

    public Device device() {
        return device;
    }

    public Optional<String> fallbackMessage() {
        return Optional.ofNullable(fallbackMessage);
    }

    /** "CPU" or "GPU 0 (CUDA 12.8)". */
    public String deviceDescription() {
        if (!device.isGpu()) {
            return "CPU";
        }
        String cuda = ai.djl.util.cuda.CudaUtils.hasCuda() ? " (CUDA " + ai.djl.util.cuda.CudaUtils.getCudaVersionString() + ")" : "";
        return "GPU " + device.getDeviceId() + cuda;
    }

    public String engineDescription() {
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /** The folder DJL extracted (or found) the native libraries in. */
    public static Path nativeCacheDir() {
        return ai.djl.util.Utils.getEngineCacheDir("pytorch");
    }

    private static String flavor() {
        String flavor = System.getenv("PYTORCH_FLAVOR");
        return flavor != null ? flavor : "cpu";
    }
}
