package org.learningsa.studio.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.engine.EncodedImage;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.NetworkOutputs;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.Preprocessing;
import org.learningsa.studio.image.RgbImage;

/**
 * Evaluates the LearningSA network. Benchmarks reuse images across pairs (PF-PASCAL's 300 test pairs
 * share their images), so each image is encoded once (backbone + transformers, the expensive part)
 * and kept in a small cache; a pair then costs only the correlation and readout. Images are decoded
 * at full size, as the reference resizes the original file to 288×288.
 */
public final class NetworkPairMatcher implements PairMatcher {

    /** Encoded images kept: about 6 MB each (3840 channels × 400 cells × 4 bytes). */
    static final int CACHED_IMAGES = 24;

    private final LearningSaNetwork network;
    private final String modelName;
    private final Map<Path, Encoded> cache = new LinkedHashMap<>(CACHED_IMAGES, 0.75f, true);

    private record Encoded(EncodedImage features, int width, int height) {
    }

    /** Takes ownership of the network (closed with this matcher). */
    public NetworkPairMatcher(LearningSaNetwork network, String modelName) {
        this.network = network;
        this.modelName = modelName;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        Encoded s = encoded(source, (stage, f) -> progress.progress("source: " + stage, 0.45 * Math.max(0, f)), cancel);
        Encoded t = encoded(target, (stage, f) -> progress.progress("target: " + stage, 0.45 + 0.45 * Math.max(0, f)), cancel);
        NetworkOutputs outputs = network.match(s.features(), t.features(), progress, cancel);
        Alignment alignment = Alignment.fromOutputs(new ImageRef(source, s.width(), s.height()),
                new ImageRef(target, t.width(), t.height()), modelName, true, outputs::get);
        return new AlignmentCorrespondence(alignment);
    }

    private Encoded encoded(Path file, ProgressListener progress, CancelToken cancel) {
        Path key = file.toAbsolutePath().normalize();
        Encoded cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        RgbImage image = ImageDecoder.decode(file);
        EncodedImage features = network.encode(Preprocessing.networkInput(image), progress, cancel);
        Encoded encoded = new Encoded(features, image.width(), image.height());
        cache.put(key, encoded);
        if (cache.size() > CACHED_IMAGES) {
            Map.Entry<Path, Encoded> eldest = cache.entrySet().iterator().next();
            cache.remove(eldest.getKey());
            eldest.getValue().features().close();
        }
        return encoded;
    }

    @Override
    public void close() {
        cache.values().forEach(e -> e.features().close());
        cache.clear();
        network.close();
    }
}
