package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * Bad input on the command line ends in one line on stderr and exit 2, before any work and without writing
 * anything: outputs that would overwrite an input or each other, a figure name the renderer cannot write, an
 * unknown device, bad option values, and checkpoints that are not what they claim (each with its real cause).
 */
class BadInputCliTest {

    @TempDir
    Path dir;
    private Path source;
    private Path target;

    @BeforeEach
    void images() throws Exception {
        source = dir.resolve("a.png");
        target = dir.resolve("b.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", source.toFile());
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", target.toFile());
    }

    private static void assertOneLineRefusal(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line, no usage dump: " + run.err());
        assertFalse(run.err().contains("Usage:"), run.err());
    }

    @Test
    void refusesAJsonOutputThatIsTheSourceImage() throws Exception {
        byte[] before = Files.readAllBytes(source);
        CliRun run = CliRun.of("match", source.toString(), target.toString(), "--default-aligner", "--json", source.toString());
        assertOneLineRefusal(run, "--json " + source + " is the source image");
        assertArrayEquals(before, Files.readAllBytes(source), "the source image is untouched");
    }

    @Test
    void refusesAFigureThatIsTheTargetImageThroughADifferentSpelling() throws Exception {
        Path sameTarget = dir.resolve("sub/../b.png");
        Files.createDirectories(dir.resolve("sub"));
        CliRun run = CliRun.of("match", source.toString(), target.toString(), "--default-aligner",
                "--figure", sameTarget.toString());
        assertOneLineRefusal(run, "is the target image");
    }

    @Test
    void refusesTwoOutputsOnOneFileAndAFigureItCannotWriteBeforeAnyWork() {
        Path out = dir.resolve("out.png");
        assertOneLineRefusal(CliRun.of("match", source.toString(), target.toString(), "--default-aligner",
                "--json", out.toString(), "--figure", out.toString()), "are the same file");
        Path json = dir.resolve("new/matches.json");
        CliRun bmp = CliRun.of("match", source.toString(), target.toString(), "--default-aligner",
                "--json", json.toString(), "--figure", dir.resolve("figure.bmp").toString());
        assertOneLineRefusal(bmp, "unknown format");
        assertFalse(Files.exists(json.getParent()), "nothing written, not even the folder");
    }

    @Test
    void refusesAnEvalReportThatIsTheDatasetCsvOrTheOtherOutput() throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "imageA,imageB,class,XA,YA,XB,YB\na.png,b.png,1,1;2,1;2,1;2,1;2\n");
        byte[] before = Files.readAllBytes(csv);
        assertOneLineRefusal(CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--csv", csv.toString(),
                "--report", csv.toString(), "--device", "cpu"), "is the dataset's annotations");
        assertArrayEquals(before, Files.readAllBytes(csv));
        Path report = dir.resolve("r.json");
        assertOneLineRefusal(CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--csv", csv.toString(),
                "--report", report.toString(), "--csv-out", report.toString()), "are the same file");
    }

    @Test
    void anUnknownDeviceIsOneLineOnEveryCommand() {
        String expected = "unknown device 'foo' (expected cpu, gpu or auto)";
        assertOneLineRefusal(CliRun.of("match", source.toString(), target.toString(), "--device", "foo"), expected);
        assertOneLineRefusal(CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--report",
                dir.resolve("r.json").toString(), "--device", "foo"), expected);
        assertOneLineRefusal(CliRun.of("doctor", "--device", "foo"), expected);
    }

    @Test
    void aBadOptionValueIsOneLineWithoutTheUsage() {
        assertOneLineRefusal(CliRun.of("match", source.toString(), target.toString(), "--top", "-1"), "--top must not be negative");
        assertOneLineRefusal(CliRun.of("match", source.toString(), target.toString(), "--readout", "9"), "lsa match --help");
        assertOneLineRefusal(CliRun.of("match", source.toString()), "Missing required parameter");
    }

    @Test
    void eachBadCheckpointGetsItsRealCause() throws Exception {
        Path random = HostileFiles.randomBytes(dir.resolve("random.pt"));
        assertOneLineRefusal(match(random), "not a torch.save file");
        Path unsafe = HostileFiles.unsafePickle(dir.resolve("unsafe.pt"));
        assertOneLineRefusal(match(unsafe), "os.system refused");
        Path truncated = dir.resolve("truncated.pt");
        LinkedHashMap<String, TensorData> net = new LinkedHashMap<>();
        net.put("conv1.weight", TensorData.ofFloats(new long[] {4}, new float[] {1, 2, 3, 4}));
        net.put("fc.weight", TensorData.ofFloats(new long[] {1}, new float[] {1}));
        Path foreign = dir.resolve("resnet.pt");
        StateDict.save(foreign, net, false);
        byte[] whole = Files.readAllBytes(foreign);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertOneLineRefusal(match(truncated), "truncated");
        assertOneLineRefusal(match(foreign), "a PyTorch checkpoint of another network, not LearningSA's: its 2 tensor(s) "
                + "(conv1.weight, fc.weight) lack g_f");
        // inspect gives the same reader's cause for the same file
        assertOneLineRefusal(CliRun.of("inspect", unsafe.toString()), "os.system refused");
    }

    private CliRun match(Path checkpoint) {
        return CliRun.of("match", source.toString(), target.toString(), "--checkpoint", checkpoint.toString(),
                "--device", "cpu");
    }
}
