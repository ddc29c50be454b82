package org.cabintune.hu.run;

import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.audio.Alsa;
import org.cabintune.hu.audio.AlsaPcm;
import org.cabintune.hu.audio.PcmFormat;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.AlsaSink;
import org.cabintune.hu.engine.AlsaSource;
import org.cabintune.hu.engine.JavaSound;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.Sink;
import org.cabintune.hu.engine.Source;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.engine.WavFiles;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the engine's source and sink from a board's {@code stream} section and the command line. */
final class Streams {

    /** The test signals' levels: well below full scale, loud enough to measure. */
    static final double SINE_HZ = 1000;
    static final double SIGNAL_DBFS = -20;

    private Streams() {
    }

    /**
     * The source a spec names: {@code silence}, {@code sine}, {@code pink}, {@code sweep}, {@code file:PATH}
     * (looped) or {@code alsa:DEVICE} (capture with the board's format and buffer).
     */
    static Source source(String spec, int channels, BoardConfig board, int periodFrames) throws IOException {
        int rate = board.stream().sampleRate();
        if (spec.equals("silence")) {
            return TestSignals.silence(channels);
        }
        if (spec.equals("sine")) {
            return TestSignals.sine(channels, rate, SINE_HZ, SIGNAL_DBFS);
        }
        if (spec.equals("pink")) {
            return TestSignals.pink(channels, rate, SIGNAL_DBFS, 1);
        }
        if (spec.equals("sweep")) {
            // The tuner's own stimulus (without its markers), so what plays is what it analyses.
            return TestSignals.stimulus(channels, new SweepSpec(rate, SweepSpec.DEFAULT_START_HZ,
                    SweepSpec.defaultEndHz(rate), SweepSpec.DEFAULT_SECONDS, SIGNAL_DBFS, false), 0);
        }
        if (spec.startsWith("file:") && spec.length() > 5) {
            return WavFiles.player(Path.of(spec.substring(5)), rate, channels, true);
        }
        if (spec.startsWith("alsa:") && spec.length() > 5) {
            return new AlsaSource(AlsaPcm.open(new AlsaPcm.Spec(spec.substring(5), true,
                    PcmFormat.valueOf(board.stream().format()), channels, rate, periodFrames, board.stream().periods(), null)));
        }
        throw new IllegalArgumentException("--source = \"" + spec + "\" is not silence, sine, pink, sweep, file:PATH or alsa:DEVICE");
    }

    /**
     * The Java Sound mixer to play through instead of ALSA, or null for ALSA: the name after
     * {@code javasound:} when the board's device asks for it, or the default line when
     * libasound cannot be loaded ({@code alsaProblem} says why; the choice is announced on
     * stderr, since the board named an ALSA device).
     */
    static String javaSoundMixer(String device, String alsaProblem) {
        if (device.startsWith(JavaSound.PREFIX)) {
            return device.substring(JavaSound.PREFIX.length());
        }
        if (alsaProblem != null) {
            System.err.println("cabintune-hu: " + alsaProblem + "; playing through Java Sound's default line instead of"
                    + " ALSA device '" + device + "'");
            return "";
        }
        return null;
    }

    /** The sink of the board: the DAC through ALSA (or Java Sound), a paced null device, or a paced WAV recording. */
    static Sink sink(BoardConfig board, int periodFrames) throws IOException {
        BoardConfig.Stream s = board.stream();
        int channels = board.dac().channels();
        return switch (s.sink()) {
            case "alsa" -> {
                String mixer = javaSoundMixer(board.dac().alsaDevice(), Alsa.unavailableReason());
                if (mixer == null) {
                    yield new AlsaSink(AlsaPcm.open(AlsaPcm.Spec.playback(board.dac().alsaDevice(),
                            PcmFormat.valueOf(s.format()), channels, s.sampleRate(), periodFrames, s.periods(), s.ditherMode())));
                }
                yield JavaSound.open(mixer, PcmFormat.valueOf(s.format()).bits(), channels, s.sampleRate(), periodFrames,
                        s.periods());
            }
            case "wav" -> WavFiles.recorder(Path.of(s.wavPath()), channels, s.sampleRate(),
                    PcmFormat.valueOf(s.format()).bits(), true, s.ditherMode());
            default -> new NullSink(channels, s.sampleRate(), s.periods());
        };
    }
}
