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
import java.nio.file.NoSuchFileException;
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

    /**
     * The board with its {@code stream.sink} replaced by the {@code --sink} spec: {@code null} (a
     * null device paced at real time), {@code wav:FILE} (a paced recording of what the DAC gets, in
     * the board's format) or {@code alsa} (the board's device).
     *
     * @throws IllegalArgumentException naming the option and the allowed forms
     */
    static BoardConfig withSink(BoardConfig board, String spec) {
        String sink;
        String wavPath = null;
        if (spec.equals("null") || spec.equals("alsa")) {
            sink = spec;
        } else if (spec.startsWith("wav:") && spec.length() > "wav:".length()) {
            sink = "wav";
            wavPath = spec.substring("wav:".length());
        } else {
            throw new IllegalArgumentException("--sink = \"" + spec + "\" is not one of null, wav:FILE, alsa");
        }
        if (sink.equals("alsa") && board.dac().alsaDevice() == null) {
            throw new IllegalArgumentException("--sink alsa: board " + board.id() + " has no dac.alsaDevice to play"
                    + " to; use --sink null or --sink wav:FILE");
        }
        BoardConfig.Stream s = board.stream();
        return board.withStream(new BoardConfig.Stream(sink, wavPath, s.source(), s.sampleRate(), s.format(),
                s.periodFrames(), s.periods(), s.realtimePriority(), s.nice(), s.dither()));
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
            case "wav" -> {
                Path file = Path.of(s.wavPath());
                try {
                    yield WavFiles.recorder(file, channels, s.sampleRate(), PcmFormat.valueOf(s.format()).bits(), true,
                            s.ditherMode());
                } catch (NoSuchFileException e) {
                    throw new IOException("cannot record to " + file + ": its directory does not exist", e);
                }
            }
            default -> new NullSink(channels, s.sampleRate(), s.periods());
        };
    }
}
