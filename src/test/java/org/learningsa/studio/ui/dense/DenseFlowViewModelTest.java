package org.learningsa.studio.ui.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.dense.FlowImages;
import org.learningsa.studio.align.dense.SyntheticPairs;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The dense-flow view's pictures on a pair whose flow is known: a textured image and its copy shifted by (6, 4). */
class DenseFlowViewModelTest {

    private static final int W = 120;
    private static final int H = 90;

    @Test
    void theWarpedImageMatchesTheSourceAndTheColoursFollowMiddlebury() {
        RgbImage source = SyntheticPairs.texture(W, H, 9);
        RgbImage target = SyntheticPairs.warped(source, SyntheticPairs.similarity(0, 1, 6, 4, W, H));
        DenseFlowViewModel model = new DenseFlowViewModel(shift(6, 4), source, target, new ImmediateTaskRunner(),
                silentDialogs());
        model.compute();
        org.learningsa.studio.align.dense.FlowPictures panels = model.panelsProperty().get();
        assertNotNull(panels);
        // inside (away from the band the shift brings in from outside) the warped target is the source
        long total = 0;
        int count = 0;
        for (int y = 10; y < H - 10; y++) {
            for (int x = 10; x < W - 10; x++) {
                for (int c = 0; c < 3; c++) {
                    total += panels.difference().get(x, y, c);
                    count++;
                }
            }
        }
        assertTrue(total / (double) count < 1.0, "mean |warped − source| " + total / (double) count);
        assertEquals(255, panels.confidence().get(60, 45, 0), "an exact map is fully consistent");
        model.directionProperty().set(Direction.TARGET_TO_SOURCE);
        assertNotNull(model.panelsProperty().get(), "the other direction is made when asked for");
    }

    @Test
    void middleburyColours() {
        RgbImage wheel = FlowImages.legend(101);
        int[] centre = {wheel.get(50, 50, 0), wheel.get(50, 50, 1), wheel.get(50, 50, 2)};
        assertTrue(centre[0] > 245 && centre[1] > 245 && centre[2] > 245, "no motion is white");
        // rightwards is red, leftwards cyan, as in the Middlebury benchmark's code
        assertTrue(wheel.get(99, 50, 0) > 200 && wheel.get(99, 50, 1) < 60 && wheel.get(99, 50, 2) < 60);
        assertTrue(wheel.get(1, 50, 0) < 60 && wheel.get(1, 50, 1) > 200 && wheel.get(1, 50, 2) > 150);
    }

    private static Correspondence shift(double dx, double dy) {
        ImageRef ref = new ImageRef(null, W, H);
        return new Correspondence() {
            public ImageRef source() {
                return ref;
            }

            public ImageRef target() {
                return ref;
            }

            public PixelPoint map(Direction d, double x, double y) {
                double s = d == Direction.SOURCE_TO_TARGET ? 1 : -1;
                return new PixelPoint(x + s * dx, y + s * dy);
            }

            public double confidence(Direction d, double x, double y) {
                return 1;
            }

            public String description() {
                return "a shift";
            }

            public boolean semantic() {
                return false;
            }
        };
    }

    /** Fails the test on any notification (an error would be one); answers nothing else is asked. */
    private static DialogService silentDialogs() {
        return (DialogService) java.lang.reflect.Proxy.newProxyInstance(DialogService.class.getClassLoader(),
                new Class<?>[] {DialogService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("notify")) {
                        throw new AssertionError(String.valueOf(args[0]));
                    }
                    return method.getReturnType() == Optional.class ? Optional.empty() : null;
                });
    }
}
