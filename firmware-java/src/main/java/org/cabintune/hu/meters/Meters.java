package org.cabintune.hu.meters;

import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.meter.MeterReading;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.EngineStats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reading side of the meters: combines a {@link MeterTap}'s readings with the engine's
 * counters and what plays into a {@link MeterSnapshot}. Any thread but the audio thread.
 */
public final class Meters {

    private final MeterTap tap;
    private final Supplier<EngineStats> stats;
    private final Supplier<String> profile;
    private final String source;
    private final List<BoardConfig.Output> speakers;
    private EngineStats previous;
    private double load;

    /**
     * @param tap      the tap on the running stream
     * @param stats    the engine's counters ({@code engine::stats})
     * @param profile  the name of the profile playing, asked at each snapshot
     * @param source   what plays
     * @param speakers the board's outputs: which DAC channel each speaker is on
     */
    public Meters(MeterTap tap, Supplier<EngineStats> stats, Supplier<String> profile, String source,
                  List<BoardConfig.Output> speakers) {
        for (BoardConfig.Output s : speakers) {
            if (s.channel() >= tap.outputs()) {
                throw new IllegalArgumentException("speaker " + s.speaker() + " is on channel " + s.channel()
                        + " but the tap meters " + tap.outputs() + " channel(s)");
            }
        }
        this.tap = tap;
        this.stats = stats;
        this.profile = profile;
        this.source = source;
        this.speakers = List.copyOf(speakers);
    }

    /**
     * The meters now. The DSP load is the mean over the periods since the previous snapshot
     * (since the start for the first; unchanged when no period has run since).
     */
    public synchronized MeterSnapshot snapshot() {
        MeterTap.Readings r = tap.read();
        EngineStats s = stats.get();
        if (previous == null) {
            load = s.dspLoadMean();
            previous = s;
        } else if (s.periods() > previous.periods()) {
            load = (s.dspLoadMean() * s.periods() - previous.dspLoadMean() * previous.periods())
                    / (s.periods() - previous.periods());
            previous = s;
        }
        List<MeterSnapshot.OutputLevel> levels = new ArrayList<>();
        for (BoardConfig.Output speaker : speakers) {
            MeterReading m = r.outputs().get(speaker.channel());
            levels.add(new MeterSnapshot.OutputLevel(speaker.speaker(), speaker.channel(), m.peakDbfs(), m.rmsDbfs()));
        }
        LoudnessReadings p = r.programme();
        return new MeterSnapshot(profile.get(), source, p.frames() / (double) s.sampleRate(), p.momentaryLufs(),
                p.shortTermLufs(), p.integratedLufs(), p.loudnessRangeLu(), p.truePeakDbtp(), p.samplePeakDbfs(), levels,
                load, s.dspLoadMax(), s.xruns(), s.deadlineMisses());
    }
}
