package org.learningsa.studio.data;

import java.util.Locale;
import org.learningsa.studio.core.UserFacingException;

/** The evaluation benchmarks the app reads, with their command-line names. */
public enum Benchmark {
    PF_PASCAL("pf-pascal", "PF-PASCAL"),
    PF_WILLOW("pf-willow", "PF-WILLOW"),
    SPAIR("spair", "SPair-71k"),
    /** LearningSA's cross-domain set; no published loader, read in the PF-PASCAL CSV layout (+ domain). */
    CRODOM("crodom", "CroDom");

    private final String cliName;
    private final String displayName;

    Benchmark(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** "pf-pascal", as {@code lsa eval --benchmark} and the report spell it. */
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }

    /** PASCAL VOC's 20 class names in the order of PF-PASCAL's 1-based class ids (the CSVs' class column). */
    public static java.util.List<String> pascalClassNames() {
        return PfCsvReader.PASCAL_CLASSES;
    }

    public static Benchmark parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Benchmark b : values()) {
            if (b.cliName.equals(t) || b.cliName.replace("-", "").equals(t.replace("-", ""))
                    || (b == SPAIR && t.startsWith("spair"))) {
                return b;
            }
        }
        throw new UserFacingException("unknown benchmark '" + text + "' (expected pf-pascal, pf-willow, spair or crodom)");
    }
}
