package org.cabintune.hu.meters;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What the head unit's meters show at one moment, as the link publishes it on {@code meters}.
 * Levels without a value (silence, nothing above the gates yet) are {@code -inf}, the loudness
 * range without one NaN; both are {@code null} in JSON.
 *
 * @param profile          the profile playing
 * @param source           what plays
 * @param seconds          programme time metered since the stream started
 * @param momentaryLufs    programme loudness over the last 400 ms (ITU-R BS.1770-5)
 * @param shortTermLufs    over the last 3 s
 * @param integratedLufs   gated, since the stream started
 * @param loudnessRangeLu  EBU Tech 3342, since the stream started
 * @param truePeakDbtp     the programme's highest true peak (4x oversampled) since the stream started
 * @param samplePeakDbfs   its highest sample
 * @param outputs          each speaker's level as its DAC channel gets it
 * @param dspLoad          processing time over period time since the previous snapshot
 * @param dspLoadMax       the longest period's processing time over the period time, since the start
 * @param xruns            device underruns and overruns since the start
 * @param deadlineMisses   periods finished after their deadline since the start
 */
public record MeterSnapshot(String profile, String source, double seconds, double momentaryLufs,
                            double shortTermLufs, double integratedLufs, double loudnessRangeLu, double truePeakDbtp,
                            double samplePeakDbfs, List<OutputLevel> outputs, double dspLoad, double dspLoadMax,
                            long xruns, long deadlineMisses) {

    /** Takes an immutable copy. */
    public MeterSnapshot {
        outputs = List.copyOf(outputs);
    }

    /**
     * One speaker's level.
     *
     * @param speaker  the board's name for it
     * @param channel  its DAC channel
     * @param peakDbfs sample peak, held 1 s, then falling 12 dB/s
     * @param rmsDbfs  RMS over the last 300 ms
     */
    public record OutputLevel(String speaker, int channel, double peakDbfs, double rmsDbfs) {
    }

    /** The snapshot as JSON, fields in a fixed order; the names are a contract with the link's readers. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("profile", profile);
        json.put("source", source);
        json.put("seconds", seconds);
        ObjectNode programme = json.putObject("programme");
        number(programme, "momentaryLufs", momentaryLufs);
        number(programme, "shortTermLufs", shortTermLufs);
        number(programme, "integratedLufs", integratedLufs);
        number(programme, "loudnessRangeLu", loudnessRangeLu);
        number(programme, "truePeakDbtp", truePeakDbtp);
        number(programme, "samplePeakDbfs", samplePeakDbfs);
        var levels = json.putArray("outputs");
        for (OutputLevel o : outputs) {
            ObjectNode level = levels.addObject();
            level.put("speaker", o.speaker());
            level.put("channel", o.channel());
            number(level, "peakDbfs", o.peakDbfs());
            number(level, "rmsDbfs", o.rmsDbfs());
        }
        json.put("dspLoad", dspLoad);
        json.put("dspLoadMax", dspLoadMax);
        json.put("xruns", xruns);
        json.put("deadlineMisses", deadlineMisses);
        return json;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
