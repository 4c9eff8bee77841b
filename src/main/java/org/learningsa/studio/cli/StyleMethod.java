package org.learningsa.studio.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The two style-transfer methods of {@code lsa style} and {@code lsa bench-style}, and the options only each takes. */
enum StyleMethod {
    PATCHES(List.of("--window", "--smoothness", "--texture")),
    COLOUR(PatchOptions.NAMES);

    /** Options that belong to the other method: naming one with this method is a usage error, not silently ignored. */
    private final List<String> foreignOptions;

    StyleMethod(List<String> foreignOptions) {
        this.foreignOptions = foreignOptions;
    }

    void requireOwnOptions(CommandSpec spec) {
        for (String option : foreignOptions) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " applies to --method " + other() + " only, not to --method " + this);
            }
        }
    }

    private StyleMethod other() {
        return this == PATCHES ? COLOUR : PATCHES;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** patches | colour (and the American "color"). */
    static final class Converter implements CommandLine.ITypeConverter<StyleMethod> {
        @Override
        public StyleMethod convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "patches", "patch" -> PATCHES;
                case "colour", "color" -> COLOUR;
                default -> throw new CommandLine.TypeConversionException(
                        "--method must be patches or colour, got '" + value + "'");
            };
        }
    }
}
