package org.cabintune.hu.engine;

import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.wav.WavReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Graphs and files the engine tests share (and the controls' tests, which need an engine to drive). */
public final class Graphs {

    /** The benchmark chain: stereo in, 8 outputs, 86 sections. */
    static final Path REFERENCE = Path.of("..", "calibration", "profiles", "reference-8ch.json");

    private Graphs() {
    }

    /** Stereo in, stereo out, nothing in between: the output is the source, bit for bit. */
    public static ProcessingGraph identity(int maxFrames) {
        return identity(maxFrames, 0);
    }

    /** Stereo straight through at a level of {@code gainDb} on both outputs. */
    static ProcessingGraph identity(int maxFrames, double gainDb) {
        try {
            return GraphCompiler.compile(ProfileParser.parse("""
                    {"format": "cabintune.profile/1", "name": "straight", "sampleRate": 48000, "inputs": ["L", "R"],
                     "outputs": [{"name": "left", "role": "fullrange", "mix": {"L": 1.0}, "gainDb": %s},
                                 {"name": "right", "role": "fullrange", "mix": {"R": 1.0}, "gainDb": %s}]}
                    """.formatted(gainDb, gainDb)), maxFrames);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stereo straight through with loudness compensation (reference 80 phon at 0 dB volume). */
    static ProcessingGraph compensated(int maxFrames) {
        try {
            return GraphCompiler.compile(ProfileParser.parse("""
                    {"format": "cabintune.profile/1", "name": "compensated", "sampleRate": 48000, "inputs": ["L", "R"],
                     "bus": {"loudnessCompensation": {"referencePhon": 80, "maxBoostDb": 12}},
                     "outputs": [{"name": "left", "role": "fullrange", "mix": {"L": 1.0}},
                                 {"name": "right", "role": "fullrange", "mix": {"R": 1.0}}]}
                    """), maxFrames);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference chain, its preamp moved by {@code preampDb} from the file's -6 dB. */
    static ProcessingGraph reference(int maxFrames, double preampDb) {
        try {
            String json = Files.readString(REFERENCE).replace("\"preampDb\": -6", "\"preampDb\": " + preampDb);
            return GraphCompiler.compile(ProfileParser.parse(json), maxFrames);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The reference chain with the rest of the bus switched on as well: the level rider in
     * place of normalisation off, and loudness compensation following the volume.
     */
    static ProcessingGraph referenceFullBus(int maxFrames, double preampDb) {
        try {
            String json = Files.readString(REFERENCE).replace("\"preampDb\": -6", "\"preampDb\": " + preampDb)
                    .replace("\"normalize\": {\"mode\": \"off\", \"targetLufs\": -14}",
                            "\"normalize\": {\"mode\": \"auto\", \"targetLufs\": -16}, \"loudnessCompensation\": {}");
            if (!json.contains("loudnessCompensation")) {
                throw new IllegalStateException("the reference profile's normalize line moved");
            }
            return GraphCompiler.compile(ProfileParser.parse(json), maxFrames);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every frame of a WAV file, Q8.24, [channel][frame]. */
    static int[][] readWav(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); WavReader reader = WavReader.open(in)) {
            double[][] x = reader.readAllDouble();
            int[][] q = new int[x.length][x[0].length];
            for (int c = 0; c < x.length; c++) {
                for (int i = 0; i < x[c].length; i++) {
                    q[c][i] = (int) Math.round(x[c][i] * (1 << 24));
                }
            }
            return q;
        }
    }
}
