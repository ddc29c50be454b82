package org.cabintune.hu.engine;

import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.graph.ProcessingGraph;

/** The checks of {@link AudioEngine.Context#conclude()}: one message per setting, naming it and its range. */
final class ContextChecks {

    private ContextChecks() {
    }

    static void check(AudioEngine.Context c) {
        Source source = required("source", c.source());
        Sink sink = required("sink", c.sink());
        ProcessingGraph graph = required("graph", c.graph());
        range("periodFrames", c.periodFrames(), AudioEngine.Context.MIN_PERIOD, AudioEngine.Context.MAX_PERIOD);
        if (graph.maxFrames() < c.periodFrames()) {
            throw new IllegalArgumentException("graph was compiled for blocks of " + graph.maxFrames()
                    + " frames, fewer than periodFrames = " + c.periodFrames());
        }
        if (source.channels() != graph.inputs()) {
            throw new IllegalArgumentException("source has " + source.channels() + " channel(s) but the graph has "
                    + graph.inputs() + " input(s)");
        }
        int[] map = c.channelMap();
        if (map == null) {
            if (sink.channels() != graph.outputs()) {
                throw new IllegalArgumentException("sink has " + sink.channels() + " channel(s) but the graph has "
                        + graph.outputs() + " output(s); give a channelMap");
            }
        } else {
            if (map.length != sink.channels()) {
                throw new IllegalArgumentException("channelMap has " + map.length + " entries but the sink has "
                        + sink.channels() + " channel(s)");
            }
            for (int ch = 0; ch < map.length; ch++) {
                if (map[ch] < -1 || map[ch] >= graph.outputs()) {
                    throw new IllegalArgumentException("channelMap[" + ch + "] = " + map[ch] + " is outside -1.."
                            + (graph.outputs() - 1) + " (a graph output, or -1 for silence)");
                }
            }
        }
        volumeDb(c.volumeDb());
        range("rampMs", c.rampMs(), 1, 1000);
        range("crossfadeMs", c.crossfadeMs(), 1, 1000);
        if (c.queueCapacity() < 2 || c.queueCapacity() > 65536 || Integer.bitCount(c.queueCapacity()) != 1) {
            throw new IllegalArgumentException("queueCapacity = " + c.queueCapacity() + " is not a power of two in 2..65536");
        }
        range("realtimePriority", c.realtimePriority(), 0, 99);
        range("cpu", c.cpu(), -1, Runtime.getRuntime().availableProcessors() - 1);
        range("warmupPeriods", c.warmupPeriods(), 0, 1_000_000);
        range("startSilencePeriods", c.startSilencePeriods(), 1, 1000);
        range("stopSilencePeriods", c.stopSilencePeriods(), 1, 1000);
        if (c.threadName() == null || c.threadName().isBlank()) {
            throw new IllegalArgumentException("threadName must not be blank");
        }
    }

    /** The output volume only attenuates (-inf .. 0 dB): it follows the protection limiters. */
    static void volumeDb(double gainDb) {
        ParamChecks.inRange("volumeDb", gainDb, Double.NEGATIVE_INFINITY, 0.0, "dB");
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside " + min + ".." + max);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is outside " + min + ".." + max);
        }
    }
}
