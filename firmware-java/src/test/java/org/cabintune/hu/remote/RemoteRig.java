package org.cabintune.hu.remote;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.audition.MediaLibrary;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.Sink;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.meters.MeterTap;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.meters.TappedSink;
import org.cabintune.hu.meters.TappedSource;
import org.cabintune.hu.store.ProfileChoice;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.hu.store.ProfileStore;
import org.cabintune.hu.store.StoreProfiles;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;

/**
 * A head unit as {@code run} assembles it, for the link's tests: the stereo USB board's chain
 * on a real-time paced null device, fed a 1 kHz sine at -20 dBFS, a real profile store in a
 * directory holding {@code Driver} (0 dB) and {@code Night} (-12 dB), its service, meters and
 * link. The audio thread's allocation is counted from the moment the stream runs.
 */
public final class RemoteRig implements AutoCloseable {

    public static final int FS = 48000;
    static final int PERIOD = 128;
    public static final double SINE_DBFS = -20;
    public static final double NIGHT_DB = -12;
    /** The source switch's ramps: 10 ms, as run has them. */
    static final int RAMP_FRAMES = 480;

    public final BoardConfig board = StoreProfiles.stereoBoard();
    public final ProfileStore store;
    public final AudioEngine engine;
    public final ProfileService service;
    public final HeadUnitRemote unit;
    public final UnitLink link;
    final SwitchableSource source;
    final MeterTap tap;
    final Audition audition;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final long allocatedAtStart;

    public RemoteRig(Path dir) throws Exception {
        this(dir, null);
    }

    /** The rig writing to {@code sink} (a two-channel sink at 48 kHz) instead of a paced null device. */
    RemoteRig(Path dir, Sink sink) throws Exception {
        this(dir, sink, null);
    }

    /** The rig with an audition of the masters in {@code media} (null for none). */
    RemoteRig(Path dir, Sink sink, Path media) throws Exception {
        store = ProfileStore.open(dir.resolve("profiles"));
        store.put(StoreProfiles.stereo("Driver", 0));
        store.put(StoreProfiles.stereo("Night", NIGHT_DB));
        ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
        BoardGraph graph = choice.graph();
        tap = new MeterTap(FS, 2, 2, PERIOD);
        source = new SwitchableSource(TestSignals.sine(2, FS, 1000, SINE_DBFS), RAMP_FRAMES, PERIOD);
        engine = AudioEngine.create(new AudioEngine.Context()
                .source(new TappedSource(source, tap))
                .sink(new TappedSink(sink == null ? new NullSink(2, FS) : sink, tap)).graph(graph.graph()).channelMap(graph.channelMap())
                .periodFrames(PERIOD).crossfadeMs(5));
        engine.start();
        service = new ProfileService(store, board, engine, PERIOD, choice.name(), false);
        Meters meters = new Meters(tap, engine::stats, service::playing, "sine", board.outputs());
        Reply.Info info = new Reply.Info("test-unit", board.name(), "0.1.0", List.of(Limits.PROTOCOL_VERSION),
                Limits.MAX_MESSAGE_BYTES, FS, board.outputs().stream().map(BoardConfig.Output::speaker).toList());
        OutputControl output = OutputControl.of(engine);
        audition = media == null ? null : new Audition(MediaLibrary.open(media), engine, source, board, PERIOD,
                output::volumeDb, service, null);
        unit = new HeadUnitRemote(info, board, output, service, meters, service::playing, new ProtectionLimits(0, -6),
                source, audition);
        link = new UnitLink(unit, dir.resolve("keys").resolve("trust.json"), engine::stats,
                new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        allocatedAtStart = engine.stats().audioThreadAllocatedBytes();
    }

    /** RMS of output 0 now, dBFS. */
    public double outputRmsDbfs() {
        return unit.meters().outputs().getFirst().rmsDbfs();
    }

    /** Bytes the audio thread allocated since the stream ran. */
    public long audioAllocated() {
        return engine.stats().audioThreadAllocatedBytes() - allocatedAtStart;
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** The sine's level through a profile whose outputs are at {@code gainDb}, RMS dBFS. */
    public static double expectedRms(double gainDb) {
        return SINE_DBFS + gainDb + Q824.gainToDb(Math.sqrt(0.5));
    }

    @Override
    public void close() throws Exception {
        if (audition != null) {
            audition.close();
        }
        link.close();
        service.close();
        engine.stop();
        store.close();
    }
}
