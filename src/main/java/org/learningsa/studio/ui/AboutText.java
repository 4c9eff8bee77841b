package org.learningsa.studio.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learningsa.studio.core.AppInfo;
import org.learningsa.studio.core.AppPaths;

/** The text of Help → About: versions, the paper, the libraries and their licences, the sample images' NOTICE. */
final class AboutText {

    private AboutText() {
    }

    static String header() {
        return AppInfo.NAME + " " + AppInfo.version();
    }

    static String body(String engineStatus, String deviceStatus) {
        StringBuilder text = new StringBuilder();
        text.append("Semantic alignment after Xu, Liao, Liu, Sun: \"Learning Semantic Alignment using Global Features ")
            .append("and Multi-scale Confidence\", IEEE TCSVT 2024.\n\n")
            .append("Versions\n")
            .append("  ").append(header()).append('\n')
            .append("  Java ").append(System.getProperty("java.version")).append(" (")
            .append(System.getProperty("java.vm.name")).append(")\n")
            .append("  JavaFX ").append(System.getProperty("javafx.runtime.version", "?")).append('\n')
            .append("  ").append(engineStatus).append('\n')
            .append("  ").append(deviceStatus).append("\n\n")
            .append("LearningSA Studio itself — Apache-2.0 (LICENSE)\n\n")
            .append("Libraries and their licences\n")
            .append("  DJL (Deep Java Library) and its PyTorch engine — Apache-2.0\n")
            .append("  PyTorch / libtorch — BSD-3-Clause\n")
            .append("  OpenJFX — GPL-2.0 with the Classpath Exception\n")
            .append("  ControlsFX — BSD-3-Clause\n")
            .append("  Ikonli and its Material Design Icons pack — Apache-2.0\n")
            .append("  picocli, Jackson — Apache-2.0\n")
            .append("  SLF4J — MIT; Logback — EPL-1.0 / LGPL-2.1\n")
            .append("  TwelveMonkeys ImageIO — BSD-3-Clause; metadata-extractor — Apache-2.0\n")
            .append("  Apache Batik (SVG), Apache PDFBox and pdfbox-graphics2d (PDF) — Apache-2.0\n\n")
            .append("Sample images (assets/NOTICE)\n");
        text.append(notice());
        return text.toString();
    }

    private static String notice() {
        Path notice = AppPaths.assetsDir().resolve("NOTICE");
        try {
            return Files.readString(notice, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "  (" + notice + " is missing: the sample images' sources and licences are listed there)\n";
        }
    }
}
