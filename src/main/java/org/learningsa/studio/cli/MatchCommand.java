package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.dense.DenseFlow;
import org.learningsa.studio.batch.WarpedImage;
import org.learningsa.studio.export.FlowFiles;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.PaddingMatches;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.export.MatchCsv;
import org.learningsa.studio.export.MatchJson;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.FigureLayout;
import org.learningsa.studio.export.figure.FigureSize;
import org.learningsa.studio.export.figure.MatchFigureExport;
import org.learningsa.studio.export.figure.MatchFigureOptions;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code lsa match SOURCE TARGET}: matches in original pixel coordinates with confidence, JSON and a figure. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match two images: for the centres of the interior 18x18 grid cells of SOURCE, the matching point "
                + "in TARGET, in original pixel coordinates (x right, y down, pixel centres at integers), with a confidence "
                + "and a mutual-consistency flag.",
            "Without --json, --csv, --figure, --flow, --flow-confidence and --warped the JSON is printed on stdout.",
            "Dense outputs (--flow, --flow-confidence, --warped) read the per-pixel correspondence (--dense refined, "
                + "the default) or the grid read bilinearly (--dense grid) at the full resolution of the image the "
                + "direction starts from: flow[y, x] = (x_other - x, y_other - y) for its pixel (x, y), x right, y "
                + "down, pixel centres at integers; .npy is float32 of shape (H, W, 2), .flo is Middlebury's format "
                + "(tag 202021.25) with the same values; the confidence is float32 (H, W) in [0, 1] (forward-backward "
                + "consistency; low where occluded or unmatched)."})
public final class MatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "the source image (JPEG, PNG, BMP, GIF, TIFF)")
    Path source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "the target image")
    Path target;

    @Mixin
    AlignerOptions alignerOptions;

    @Option(names = "--readout", defaultValue = "fused", paramLabel = "fused|1|2|3|4", converter = ReadoutConverter.class,
            description = "the fused multi-scale readout or one backbone level (default: ${DEFAULT-VALUE})")
    Readout readout;

    @Option(names = "--mapping", defaultValue = "exact", paramLabel = "paper|exact", converter = MappingConverter.class,
            description = "exact: the geometric inverse of the resize and padding; paper: the reference's keypoint "
                    + "transfer (crop, x10/9, half-to-even), for reproducing published numbers (default: ${DEFAULT-VALUE})")
    Mapping mapping;

    @Option(names = "--confidence", defaultValue = "peak", paramLabel = "peak|fb|level",
            converter = ConfidenceConverter.class,
            description = "peak: soft-argmax peak probability; fb: forward-backward consistency; level: the level "
                    + "weight a_L(t) (default: ${DEFAULT-VALUE})")
    ConfidenceKind confidence;

    @Option(names = "--top", defaultValue = "0", paramLabel = "N",
            description = "keep only the N most confident matches (default: all, at most 324; matches that land in "
                    + "the target's padding ring are always left out)")
    int top;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the matches as JSON")
    Path json;

    @Option(names = "--all-confidences",
            description = "in the JSON, give each match all three confidences (peak, fb, level) and its match and "
                    + "confidences with every readout (fused, 1-4), as the app's inspector shows them")
    boolean allConfidences;

    @Option(names = "--csv", paramLabel = "OUT.csv",
            description = "write the matches as CSV: x_source,y_source,x_target,y_target,confidence,mutual")
    Path csv;

    @Option(names = "--figure", paramLabel = "OUT.png|OUT.svg|OUT.pdf",
            description = "write a figure: the pair with one vector line per match coloured by confidence, a colour "
                    + "bar and a caption; the format follows the extension")
    Path figure;

    @picocli.CommandLine.Mixin
    PointsOptions pointsOptions = new PointsOptions();

    @Option(names = "--flow", paramLabel = "OUT.npy|OUT.flo",
            description = "write the dense flow at full resolution: float32 (H, W, 2) .npy, or Middlebury .flo; "
                    + "flow[y, x] = (x_other - x, y_other - y)")
    Path flow;

    @Option(names = "--flow-confidence", paramLabel = "OUT.npy",
            description = "write the per-pixel confidence of the flow, float32 (H, W) in [0, 1]")
    Path flowConfidence;

    @Option(names = "--flow-direction", defaultValue = "source-to-target",
            paramLabel = "source-to-target|target-to-source",
            description = "the direction --flow and --flow-confidence describe (default: ${DEFAULT-VALUE}); "
                    + "target-to-source gives a flow at the target's resolution")
    String flowDirection;

    @Option(names = "--warped", paramLabel = "OUT.png",
            description = "write the target resampled into the source's frame (the source's size): each source pixel "
                    + "takes the target's colour where the correspondence sends it")
    Path warped;

    @Option(names = "--figure-width-mm", defaultValue = "175", paramLabel = "W",
            description = "printed width of the figure in mm (default: ${DEFAULT-VALUE}, two columns; 83 fits one)")
    double figureWidthMm;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "D",
            description = "resolution of a PNG figure, also stored in the file (default: ${DEFAULT-VALUE})")
    int dpi;

    @Option(names = "--layout", defaultValue = "side", paramLabel = "side|stacked",
            description = "source and target side by side or stacked (default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--figure-panels", paramLabel = "LIST",
            description = "add dense-flow panels under the figure's pair, from the refined map (as --flow reads it): "
                    + "a comma-separated list of flow (Middlebury colours with the colour-wheel legend), confidence, "
                    + "warped (the target warped onto the source), difference (|warped - source|), or all")
    String figurePanels;

    @Option(names = "--no-caption", description = "leave the caption (model, readout, confidence, mapping) off the figure")
    boolean noCaption;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
        }
        DeviceChoice choice = alignerOptions.checkedDevice(spec);
        pointsOptions.check();
        MatchFigureOptions figureOptions = figureOptions();
        PrintWriter out = spec.commandLine().getOut();
        // every output checked before any work: nothing is written on a usage error
        OutputGuard.create().input("the source image", source).input("the target image", target)
                .input("the checkpoint", alignerOptions.checkpoint).input("--points", pointsOptions.points)
                .output("--json", json).output("--csv", csv)
                .output("--figure", figure, ".png", ".svg", ".pdf")
                .output("--flow", flow, FlowFiles.FLOW_EXTENSIONS).output("--flow-confidence", flowConfidence, ".npy")
                .output("--warped", warped, ".png").check();
        Direction direction = flowDirection();
        // decode first: an unreadable image is reported before any model is loaded
        DecodedImage sourceImage = ImageDecoder.decodeForNetwork(source);
        DecodedImage targetImage = ImageDecoder.decodeForNetwork(target);
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            MatchService service = new MatchService(registry);
            Aligner aligner = alignerOptions.aligner(registry);
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "lsa match");
            MatchService.Result result = service.match(aligner, sourceImage, targetImage, readout, mapping, confidence,
                    top, progress, CancelToken.NEVER);
            result = correctedByPoints(result);
            if (json != null) {
                MatchJson.write(result, allConfidences, json);
            }
            if (csv != null) {
                MatchCsv.write(result.matches(), csv);
            }
            Correspondence dense = null;
            if (flow != null || flowConfidence != null || warped != null || !figureOptions.densePanels().isEmpty()) {
                // only here is the dense map read, so a plain lsa match costs what it did before
                dense = pointsOptions.correspondence(result.alignment(), result.readout(),
                        sourceImage, targetImage, source, target, spec.commandLine().getErr(), progress,
                        CancelToken.NEVER);
                ProgressLine.endOpenLine();
                DenseFlow planes = flow != null || flowConfidence != null ? DenseFlow.of(dense, direction) : null;
                if (flow != null) {
                    FlowFiles.writeFlow(planes, flow);
                }
                if (flowConfidence != null) {
                    FlowFiles.writeConfidence(planes, flowConfidence);
                }
                if (warped != null) {
                    StyleImages.writePng(WarpedImage.warp(dense, targetImage.pixels()), warped);
                }
            }
            if (figure != null) {
                MatchFigureExport.write(result, sourceImage, targetImage, top, figureOptions, dense, figure);
            }
            if (json == null && csv == null && figure == null && flow == null && flowConfidence == null
                    && warped == null) {
                out.println(MatchJson.toJson(result, allConfidences).toPrettyString());
            } else {
                long mutual = result.matches().matches().stream().filter(m -> m.mutual()).count();
                long inPadding = result.alignment().matches(result.readout(), result.confidence(), result.mapping(), 1,
                        PaddingMatches.KEEP).matches().stream().filter(Match::inPadding).count();
                out.printf(Locale.ROOT, "%d matches (%d mutual%s), %s, readout %s, mapping %s%n", result.matches().size(),
                        mutual, inPadding == 0 ? "" : "; " + inPadding + " in the target's padding ring left out",
                        result.alignment().modelName(), result.readout().label(),
                        result.mapping().name().toLowerCase(Locale.ROOT));
                if (json != null) {
                    out.println("wrote " + json);
                }
                if (csv != null) {
                    out.println("wrote " + csv);
                }
                if (figure != null) {
                    out.println("wrote " + figure);
                }
                for (Path written : new Path[] {flow, flowConfidence, warped}) {
                    if (written != null) {
                        out.println("wrote " + written);
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    private Direction flowDirection() {
        return switch (flowDirection) {
            case "source-to-target" -> Direction.SOURCE_TO_TARGET;
            case "target-to-source" -> Direction.TARGET_TO_SOURCE;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--flow-direction must be source-to-target or target-to-source");
        };
    }

    /** The figure options, checked before any work so a typo costs no matching. */
    private MatchFigureOptions figureOptions() {
        try {
            if (figure != null) {
                FigureFormat.of(figure);
            }
            if (figurePanels != null && figure == null) {
                throw new IllegalArgumentException("--figure-panels adds panels to a figure: give --figure OUT too");
            }
            return MatchFigureOptions.defaults()
                    .withSize(new FigureSize(figureWidthMm, dpi))
                    .withLayout(FigureLayout.parse(layout))
                    .withCaption(!noCaption, null)
                    .withDensePanels(figurePanels == null ? java.util.Set.of()
                            : org.learningsa.studio.export.figure.DensePanel.parse(figurePanels));
        } catch (IllegalArgumentException | org.learningsa.studio.core.UserFacingException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The matches through the user's points when --points is given (the same targets the editor shows). */
    private MatchService.Result correctedByPoints(MatchService.Result result) {
        if (!pointsOptions.given()) {
            return result;
        }
        org.learningsa.studio.align.Correspondence corrected = pointsOptions.gridCorrespondence(result.alignment(),
                result.readout(), source, target, spec.commandLine().getErr());
        return new MatchService.Result(result.alignment(),
                org.learningsa.studio.editing.CorrectedMatches.apply(result.matches(), corrected),
                result.readout(), result.mapping(), result.confidence());
    }

    static final class ReadoutConverter implements ITypeConverter<Readout> {
        @Override
        public Readout convert(String value) {
            try {
                return Readout.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MappingConverter implements ITypeConverter<Mapping> {
        @Override
        public Mapping convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "paper" -> Mapping.PAPER;
                case "exact" -> Mapping.EXACT;
                default -> throw new TypeConversionException("unknown mapping '" + value + "' (expected paper or exact)");
            };
        }
    }

    static final class ConfidenceConverter implements ITypeConverter<ConfidenceKind> {
        @Override
        public ConfidenceKind convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "peak" -> ConfidenceKind.PEAK_PROBABILITY;
                case "fb", "forward-backward" -> ConfidenceKind.FORWARD_BACKWARD;
                case "level" -> ConfidenceKind.LEVEL_WEIGHT;
                default -> throw new TypeConversionException(
                        "unknown confidence '" + value + "' (expected peak, fb or level)");
            };
        }
    }
}
