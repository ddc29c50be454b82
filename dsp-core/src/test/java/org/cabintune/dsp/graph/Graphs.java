package org.cabintune.dsp.graph;

/** Runs whole signals through graphs and their twins in engine-sized blocks. */
final class Graphs {

    private Graphs() {
    }

    /** {@code in} ([input][frame], left untouched) through {@code graph} in blocks of its maximum size. */
    static int[][] run(ProcessingGraph graph, int[][] in) {
        int frames = in[0].length;
        int block = graph.maxFrames();
        int[][] out = new int[graph.outputs()][frames];
        int[][] inBlock = new int[in.length][block];
        int[][] outBlock = new int[graph.outputs()][block];
        for (int at = 0; at < frames; at += block) {
            int n = Math.min(block, frames - at);
            for (int c = 0; c < in.length; c++) {
                System.arraycopy(in[c], at, inBlock[c], 0, n);
            }
            graph.process(inBlock, outBlock, n);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(outBlock[c], 0, out[c], at, n);
            }
        }
        return out;
    }

    /** The same for the twin, in blocks of {@code block}. */
    static double[][] run(ProcessingGraphReference twin, double[][] in, int outputs, int block) {
        int frames = in[0].length;
        double[][] out = new double[outputs][frames];
        double[][] inBlock = new double[in.length][block];
        double[][] outBlock = new double[outputs][block];
        for (int at = 0; at < frames; at += block) {
            int n = Math.min(block, frames - at);
            for (int c = 0; c < in.length; c++) {
                System.arraycopy(in[c], at, inBlock[c], 0, n);
            }
            twin.process(inBlock, outBlock, n);
            for (int c = 0; c < outputs; c++) {
                System.arraycopy(outBlock[c], 0, out[c], at, n);
            }
        }
        return out;
    }
}
