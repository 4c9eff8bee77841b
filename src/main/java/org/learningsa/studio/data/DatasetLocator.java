package org.learningsa.studio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.learningsa.studio.core.UserFacingException;

/**
 * Opens a benchmark from a folder the user points at. It accepts the layouts the data comes in
 * (LearningSA's {@code data/} folder, the folder above it, SPair-71k's own root) and, when the
 * folder is wrong or incomplete, says what it expected and what is missing.
 */
public final class DatasetLocator {

    private DatasetLocator() {
    }

    /**
     * @param benchmark which benchmark the folder holds
     * @param folder    the folder the user chose
     * @param csv       an explicit annotation CSV (PF-PASCAL, PF-WILLOW, CroDom), or null to look for the usual one
     * @param split     "test" (default), "val" or "trn"
     */
    public static Dataset open(Benchmark benchmark, Path folder, Path csv, String split) {
        return open(benchmark, folder, csv, split, false);
    }

    /**
     * As {@link #open(Benchmark, Path, Path, String)}; unless {@code allowOutside}, a row naming an image outside
     * the dataset's image folders (an absolute path, {@code ../..}) is skipped with that reason: annotations a user
     * downloads must not make the app read their other files.
     */
    public static Dataset open(Benchmark benchmark, Path folder, Path csv, String split, boolean allowOutside) {
        if (!Files.isDirectory(folder)) {
            throw new UserFacingException(benchmark.cliName() + ": the data folder " + folder + " does not exist or is not a folder");
        }
        String s = normaliseSplit(split);
        Dataset dataset = switch (benchmark) {
            case PF_PASCAL -> openCsv(benchmark, folder, csv, List.of(pascalCsvName(s)), List.of("PF_Pascal", "PF-dataset-PASCAL"),
                    "LearningSA 8-column CSV", allowOutside);
            case PF_WILLOW -> openCsv(benchmark, folder, csv, List.of("bbox_test_pairs_pf.csv", "test_pairs.csv"),
                    List.of("PF-dataset", "PF-WILLOW"), "LearningSA 7-column CSV", allowOutside);
            case CRODOM -> openCsv(benchmark, folder, csv, List.of("crodom_test_pairs.csv", "test_pairs_crodom.csv",
                    "bbox_test_pairs_crodom.csv", "test_pairs.csv"), List.of("crodom", "CroDom", "images"),
                    "PF-PASCAL CSV layout with an optional domain column", allowOutside);
            case SPAIR -> openSpair(folder, s, allowOutside);
        };
        if (dataset.pairs().isEmpty()) {
            String first = dataset.skipped().isEmpty() ? "the annotation file lists no pairs"
                    : dataset.skipped().size() + " rows skipped; first: " + dataset.skipped().get(0);
            throw new UserFacingException(benchmark.cliName() + ": no pair of " + dataset.annotations()
                    + " can be evaluated (" + first + ")");
        }
        return dataset;
    }

    private static String normaliseSplit(String split) {
        String s = split == null || split.isBlank() ? "test" : split.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "train", "trn" -> "trn";
            case "val", "validation" -> "val";
            case "test" -> "test";
            default -> throw new UserFacingException("unknown split '" + split + "' (expected test, val or trn)");
        };
    }

    private static String pascalCsvName(String split) {
        return switch (split) {
            case "trn" -> "train_pairs_pf_pascal.csv";
            case "val" -> "bbox_val_pairs_pf_pascal.csv";
            default -> "bbox_test_pairs_pf_pascal.csv";
        };
    }

    private static Dataset openCsv(Benchmark benchmark, Path folder, Path csv, List<String> csvNames,
                                   List<String> imageFolders, String layoutName, boolean allowOutside) {
        Path csvFile = csv != null ? csv : findCsv(benchmark, folder, csvNames);
        if (csvFile == null) {
            List<String> missing = new ArrayList<>();
            missing.add(String.join(" or ", csvNames));
            if (findImageFolder(folder, imageFolders) == null) {
                missing.add(imageFolders.get(0) + "/");
            }
            throw new NotADatasetFolderException(benchmark.cliName() + ": " + folder + " is not a " + benchmark.displayName()
                    + " folder. Expected " + String.join(" or ", csvNames) + " (or --csv FILE) and the image folder "
                    + imageFolders.get(0) + "/, in the folder or in its data/ subfolder. Missing: " + String.join(", ", missing),
                    benchmark, folder, List.of(String.join(" or ", csvNames), imageFolders.get(0) + "/"), missing);
        }
        if (!Files.isRegularFile(csvFile)) {
            throw new UserFacingException(benchmark.cliName() + ": the CSV " + csvFile + " does not exist");
        }
        Path csvDir = csvFile.toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>();
        for (String name : imageFolders) {
            roots.add(csvDir.resolve(name));
            roots.add(folder.resolve(name));
            roots.add(folder.resolve("data").resolve(name));
        }
        roots.add(folder);
        roots.add(csvDir);
        if (csvDir.getParent() != null) {
            roots.add(csvDir.getParent());
        }
        CsvTable table = CsvTable.read(csvFile);
        if (table.header().size() < 7) {
            throw new UserFacingException(benchmark.cliName() + ": " + csvFile + " has " + table.header().size()
                    + " columns; expected image A, image B, class, XA, YA, XB, YB"
                    + (benchmark == Benchmark.PF_PASCAL ? ", L_pck" : "") + " (one header line, coordinates joined by ';')");
        }
        // PF-PASCAL's training pairs (train.py's layout) have no L_pck column: name the layout that was read
        String layout = benchmark == Benchmark.PF_PASCAL && table.header().size() == 7
                ? "train.py's 7-column training CSV" : layoutName;
        return PfCsvReader.read(benchmark, table, new ImageResolver(roots, allowOutside), layout);
    }

    private static Path findCsv(Benchmark benchmark, Path folder, List<String> names) {
        List<Path> bases = List.of(folder, folder.resolve("data"), folder.resolve("crodom"), folder.resolve("data").resolve("crodom"));
        for (String name : names) {
            for (Path base : bases) {
                Path candidate = base.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        if (benchmark == Benchmark.CRODOM) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> csvs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
                if (csvs.size() == 1) {
                    return csvs.get(0);
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static Path findImageFolder(Path folder, List<String> names) {
        for (String name : names) {
            for (Path candidate : List.of(folder.resolve(name), folder.resolve("data").resolve(name))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static Dataset openSpair(Path folder, String split, boolean allowOutside) {
        Path root = Files.isDirectory(folder.resolve("PairAnnotation")) || !Files.isDirectory(folder.resolve("SPair-71k"))
                ? folder : folder.resolve("SPair-71k");
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(root.resolve("PairAnnotation").resolve(split))) {
            missing.add("PairAnnotation/" + split + "/");
        }
        if (!Files.isDirectory(root.resolve("JPEGImages"))) {
            missing.add("JPEGImages/");
        }
        if (!missing.isEmpty()) {
            throw new NotADatasetFolderException("spair: " + folder + " is not a SPair-71k folder. Expected PairAnnotation/"
                    + split + "/*.json, JPEGImages/<category>/ and (optional) Layout/large/" + split + ".txt. Missing: "
                    + String.join(", ", missing), Benchmark.SPAIR, folder,
                    List.of("PairAnnotation/" + split + "/", "JPEGImages/"), missing);
        }
        return SpairReader.read(root, split, allowOutside);
    }
}
