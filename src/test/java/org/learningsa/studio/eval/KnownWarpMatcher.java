package org.learningsa.studio.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.BenchmarkFolders;

/** A matcher that knows the warps of generated pairs: source = (target − shift)/scale, exactly. */
public record KnownWarpMatcher(List<BenchmarkFolders.GeneratedPair> generated) implements PairMatcher {

    @Override
    public String modelName() {
        return "known warps (test oracle)";
    }

    @Override
    public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        BenchmarkFolders.GeneratedPair g = generated.stream()
                .filter(p -> source.getFileName().toString().equals(p.sourceName())).findFirst().orElseThrow();
        BufferedImage s = read(source);
        BufferedImage t = read(target);
        progress.progress("known warp", 1.0);
        return new KnownCorrespondence(s.getWidth(), s.getHeight(), t.getWidth(), t.getHeight(),
                1 / g.scale(), -g.shiftX() / g.scale(), -g.shiftY() / g.scale());
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
