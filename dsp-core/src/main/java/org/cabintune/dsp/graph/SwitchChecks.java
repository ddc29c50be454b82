package org.cabintune.dsp.graph;

/** The argument checks of {@link GraphSwitcher}, kept out of it so that it holds no string constants. */
final class SwitchChecks {

    private SwitchChecks() {
    }

    static void fadeFrames(int fadeFrames) {
        if (fadeFrames < 1) {
            throw new IllegalArgumentException("fadeFrames = " + fadeFrames + " must be at least 1");
        }
    }

    /** Refuses a graph that cannot replace {@code running}: another rate, channel count or block size. */
    static void sameShape(ProcessingGraph running, ProcessingGraph graph) {
        if (graph.sampleRate() != running.sampleRate() || graph.inputs() != running.inputs()
                || graph.outputs() != running.outputs() || graph.maxFrames() != running.maxFrames()) {
            throw new IllegalArgumentException("cannot switch from " + shape(running) + " to " + shape(graph));
        }
    }

    private static String shape(ProcessingGraph g) {
        return g.sampleRate() + " Hz, " + g.inputs() + " in, " + g.outputs() + " out, blocks of " + g.maxFrames();
    }
}
