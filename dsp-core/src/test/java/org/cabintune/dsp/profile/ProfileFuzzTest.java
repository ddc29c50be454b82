package org.cabintune.dsp.profile;

import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.GraphPlan;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.graph.ProcessingGraphReference;
import org.cabintune.dsp.testing.Signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid profiles, as a hand-edited or damaged file would look.
 * Whatever comes in, the parser either returns a profile (which then round-trips and designs
 * and quantises, as the graph compiler needs) or throws a {@link ProfileException} whose
 * every line starts with a field path; nothing else escapes.
 */
class ProfileFuzzTest {

    private static final long SEED = 0x5EED_CAB1L;
    private static final int CASES = 3000;
    /**
     * The cases are a fixed sequence; on a loaded two-core machine the JIT alone can take
     * seconds, so the run stops early after this long, but never before {@link #MIN_CASES}.
     */
    private static final long BUDGET_NANOS = 4_000_000_000L;
    private static final int MIN_CASES = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Field names of the format, so added fields are often real ones in the wrong place. */
    private static final String[] NAMES = {"format", "name", "sampleRate", "inputs", "bus", "outputs", "preampDb",
        "normalize", "mode", "targetLufs", "multiband", "crossoversHz", "bands", "thresholdDb", "ratio", "kneeDb",
        "attackMs", "releaseMs", "makeupDb", "limiter", "ceilingDbtp", "lookaheadMs", "role", "mix", "filters",
        "maxBoostDb", "maxCutDb", "windowS", "speedDbPerS", "gateLufs", "detection", "rmsWindowMs", "stereoLink",
        "loudnessCompensation", "referencePhon", "referenceVolumeDb",
        "delayMs", "gainDb", "invert", "protect", "minHighpassHz", "type", "freqHz", "q", "order", "align",
        "b0", "b1", "b2", "a1", "a2", "L", "R", "x"};
    private static final String[] NUMBER_TEXTS = {"NaN", "-Infinity", "1e400", "-1e99999", "0x10", "1.", ".5",
        "01", "-", "1e", "99999999999999999999999999", "4.9e-324", "\"12\"", "true", "null"};

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern KEY_VALUE = Pattern.compile("\"(\\w+)\" ?: ?(-?[\\d.]+|\"[^\"]*\"|true|false),");

    private final Random random = new Random(SEED);

    @Test
    void randomMutationsYieldAProfileOrAProblemNamingAField() throws Exception {
        List<JsonNode> seeds = new ArrayList<>();
        for (Path file : ProfileFiles.goodProfiles()) {
            seeds.add(MAPPER.readTree(ProfileFiles.read(file)));
        }
        long start = System.nanoTime();
        int accepted = 0;
        int run = 0;
        while (run < CASES && (run < MIN_CASES || System.nanoTime() - start < BUDGET_NANOS)) {
            JsonNode seed = seeds.get(random.nextInt(seeds.size()));
            byte[] input = random.nextInt(3) == 0 ? mutateText(seed) : mutateTree(seed.deepCopy());
            accepted += check(run, input) ? 1 : 0;
            run++;
        }
        // Both outcomes must be exercised, or the mutations are too weak or too strong.
        assertTrue(accepted > run / 50 && accepted < run / 2, "accepted " + accepted + " of " + run);
    }

    private static boolean check(int index, byte[] input) {
        try {
            Profile profile = ProfileParser.parse(input);
            assertEquals(profile, ProfileParser.parse(ProfileWriter.write(profile)), "round trip of case " + index);
            try {
                runsWithoutNaN(profile);
            } catch (IllegalArgumentException e) {
                fail("case " + index + " is valid but does not compile: " + e.getMessage() + " for " + shown(input), e);
            }
            return true;
        } catch (ProfileException e) {
            for (String line : e.problems()) {
                assertTrue(ProfileFiles.PROBLEM_LINE.matcher(line).lookingAt(),
                        () -> "case " + index + ": no field path in \"" + line + "\" for " + shown(input));
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("case " + index + " threw " + e + " for " + shown(input), e);
            return false;
        }
    }

    private byte[] mutateTree(JsonNode root) throws Exception {
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) {
                mutateObject(object);
            } else if (target instanceof ArrayNode array) {
                mutateArray(array);
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private void mutateObject(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(4) == 0
                ? NAMES[random.nextInt(NAMES.length)] : names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, nudge(object.get(name)));
            case 2 -> object.set(object.has("freqHz") ? "freqHz" : name,
                    object.has("freqHz") ? nearNyquist() : randomValue());
            default -> object.set(name, randomValue());
        }
    }

    /**
     * A frequency a hair below the Nyquist limit of one of the rates: in range, but the
     * design's poles land on the unit circle there, which only the design check catches.
     */
    private JsonNode nearNyquist() {
        double nyquist = ProfileValidator.SAMPLE_RATES.get(random.nextInt(ProfileValidator.SAMPLE_RATES.size())) / 2.0;
        return NODES.numberNode(random.nextBoolean() ? Math.nextDown(nyquist) : nyquist - 1e-6);
    }

    private void mutateArray(ArrayNode array) {
        if (array.isEmpty() || random.nextInt(4) == 0) {
            array.add(array.isEmpty() ? randomValue() : array.get(random.nextInt(array.size())).deepCopy());
            return;
        }
        int index = random.nextInt(array.size());
        switch (random.nextInt(3)) {
            case 0 -> array.remove(index);
            case 1 -> array.set(index, nudge(array.get(index)));
            default -> array.set(index, randomValue());
        }
    }

    /** Numbers pushed around their value (the usual out-of-range edit), other values replaced. */
    private JsonNode nudge(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return randomValue();
        }
        double v = value.doubleValue();
        double[] candidates = {-v, v * 10, v / 10, v + 1, v - 1, Math.nextUp(v), Math.rint(v) + 0.5, v * 1e300};
        double chosen = candidates[random.nextInt(candidates.length)];
        return Double.isFinite(chosen) ? NODES.numberNode(chosen) : NODES.numberNode(v);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode(List.of("", "NaN", "Infinity", "peaking", "linkwitz-riley", "tweeter", "L",
                    "album", "cabintune.profile/1", "x".repeat(70), "\u0000\u00e9\u2603").get(random.nextInt(11)));
            case 3 -> NODES.numberNode(random.nextInt(21) - 10);
            case 4 -> NODES.numberNode(List.of(0.0, -0.0, 1e308, -1e308, 4.9e-324, 2147483648.0, 0.5, 20000.0,
                    23999.9, 24000.0, 47040.0, 48000.0, 96000.0).get(random.nextInt(13)));
            case 5 -> NODES.numberNode(Long.MAX_VALUE);
            case 6 -> NODES.numberNode(BigInteger.TEN.pow(40 + random.nextInt(300)));
            case 7 -> NODES.numberNode(random.nextDouble() * 200_000 - 100_000);
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.objectNode();
            case 10 -> NODES.arrayNode().add("L").add(120).add(NODES.objectNode());
            case 11 -> NODES.objectNode().put("L", 1.0).put("type", "biquad");
            case 12 -> NODES.numberNode(List.of(44100, 48000, 88200, 96000, 1, 2, 3, 4, 8, 9, 32, 33)
                    .get(random.nextInt(12)));
            default -> NODES.numberNode(random.nextGaussian() * 10);
        };
    }

    private byte[] mutateText(JsonNode seed) throws Exception {
        byte[] bytes = (random.nextBoolean() ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer())
                .writeValueAsBytes(seed);
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> flipBytes(bytes);
            case 2 -> insert(bytes, randomBytes(1 + random.nextInt(8)));
            case 3 -> replaceNumber(new String(bytes, StandardCharsets.UTF_8));
            case 4 -> duplicateKey(new String(bytes, StandardCharsets.UTF_8));
            case 5 -> insert(bytes, "\"\\ud800\\u0000\"".getBytes(StandardCharsets.UTF_8));
            default -> randomBytes(random.nextInt(64));
        };
    }

    private byte[] flipBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] insert(byte[] bytes, byte[] extra) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Swaps one number literal for text that is not a valid (or not a finite) JSON number. */
    private byte[] replaceNumber(String text) {
        Matcher numbers = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (numbers.find()) {
            spans.add(new int[] {numbers.start(), numbers.end()});
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String replacement = NUMBER_TEXTS[random.nextInt(NUMBER_TEXTS.length)];
        return (text.substring(0, span[0]) + replacement + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** Repeats one {@code "key": } occurrence right after itself, giving the object a duplicate key. */
    private byte[] duplicateKey(String text) {
        Matcher keys = KEY_VALUE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (keys.find()) {
            spans.add(new int[] {keys.start(), keys.end()});
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String pair = text.substring(span[0], span[1]);
        return (text.substring(0, span[1]) + pair + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static String shown(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** Compiles a valid profile and runs loud noise through the chain and its twin. */
    private static void runsWithoutNaN(Profile profile) {
        GraphPlan plan = GraphPlan.of(profile);
        ProcessingGraph graph = GraphCompiler.compile(plan, 64);
        ProcessingGraphReference twin = new ProcessingGraphReference(plan);
        int inputs = plan.inputs();
        int[][] in = new int[inputs][];
        double[][] inD = new double[inputs][];
        for (int c = 0; c < inputs; c++) {
            in[c] = Signals.quantize(Signals.whiteNoise(c, 64, -3));
            inD[c] = Signals.toDouble(in[c]);
        }
        graph.process(in, new int[plan.outputs()][64], 64);
        double[][] outD = new double[plan.outputs()][64];
        twin.process(inD, outD, 64);
        for (double[] ch : outD) {
            for (double v : ch) {
                assertTrue(Double.isFinite(v), "the twin produced " + v);
            }
        }
    }
}
