package org.learningsa.studio.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's own state_dict manifest ({@code state_dict_manifest.tsv}, generated from the reference code):
 * every key in state_dict order with shape, dtype, whether the eval forward uses it and, for the 638
 * backbone alias keys ({@code feature_extraction.layerN.*}, {@code feature_extraction.rest.*}), the
 * canonical {@code feature_extraction.model.*} key sharing its storage.
 */
public final class ModelManifest {

    /** One state_dict entry. {@code aliasOf} is null for canonical keys. */
    public record Entry(String name, long[] shape, String dtype, boolean usedByEval, String aliasOf, boolean trainable) {
        public boolean isFloat() {
            return dtype.startsWith("float");
        }

        public long numel() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private static final String RESOURCE = "state_dict_manifest.tsv";
    private static volatile ModelManifest instance;

    private final Map<String, Entry> entries;
    private final Map<String, List<String>> aliasesOfCanonical;

    private ModelManifest(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            if (e.aliasOf() != null) {
                aliases.computeIfAbsent(e.aliasOf(), k -> new ArrayList<>()).add(e.name());
            }
        }
        this.aliasesOfCanonical = aliases;
    }

    /** The manifest shipped with the application. */
    public static ModelManifest load() {
        ModelManifest current = instance;
        if (current == null) {
            try (InputStream in = ModelManifest.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the application");
                }
                current = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = current;
        }
        return current;
    }

    static ModelManifest parse(InputStream in) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            long[] shape = f[1].equals("scalar") ? new long[0]
                    : java.util.Arrays.stream(f[1].split("x")).mapToLong(Long::parseLong).toArray();
            boolean used = f[5].startsWith("yes");
            String note = f.length > 7 ? f[7] : "";
            String aliasOf = note.startsWith("alias of ") ? note.substring("alias of ".length()).trim() : null;
            entries.put(f[0], new Entry(f[0], shape, f[2], used, aliasOf, aliasOf == null && f[4].equals("trainable")));
        }
        return new ModelManifest(entries);
    }

    /** All entries in state_dict order (1351). */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry entry(String name) {
        return entries.get(name);
    }

    /** The canonical key of {@code name} (itself unless it is an alias). */
    public String canonical(String name) {
        Entry e = entries.get(name);
        return e != null && e.aliasOf() != null ? e.aliasOf() : name;
    }

    /** Alias keys sharing the canonical key's tensor (empty for most keys). */
    public List<String> aliases(String canonical) {
        return aliasesOfCanonical.getOrDefault(canonical, List.of());
    }

    /**
     * The parameters with {@code requires_grad} in state_dict order: the order of {@code net.parameters()}, hence
     * the indices of train.py's Adam state ({@code filter(lambda p: p.requires_grad, net.parameters())}).
     */
    public List<String> trainableParameters() {
        List<String> names = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.trainable()) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** Canonical keys the eval forward reads. */
    public List<String> usedCanonicalKeys() {
        List<String> used = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.aliasOf() == null && e.usedByEval()) {
                used.add(e.name());
            }
        }
        return used;
    }
}
