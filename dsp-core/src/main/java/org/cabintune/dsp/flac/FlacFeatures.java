package org.cabintune.dsp.flac;

/**
 * What a stream used, counted while decoding: subframe types, wasted bits, stereo modes,
 * residual codings. Lets tests show that a set of real encoder output covers the format.
 */
final class FlacFeatures {

    long constant;
    long verbatim;
    long fixed;
    long lpc;
    int maxLpcOrder;
    long wastedBits;
    long leftSide;
    long rightSide;
    long midSide;
    long rice;
    long rice2;
    long escapes;
    long variableBlockSize;

    /** Adds another stream's counts to these. */
    void add(FlacFeatures o) {
        constant += o.constant;
        verbatim += o.verbatim;
        fixed += o.fixed;
        lpc += o.lpc;
        maxLpcOrder = Math.max(maxLpcOrder, o.maxLpcOrder);
        wastedBits += o.wastedBits;
        leftSide += o.leftSide;
        rightSide += o.rightSide;
        midSide += o.midSide;
        rice += o.rice;
        rice2 += o.rice2;
        escapes += o.escapes;
        variableBlockSize += o.variableBlockSize;
    }

    @Override
    public String toString() {
        return "constant " + constant + ", verbatim " + verbatim + ", fixed " + fixed + ", lpc " + lpc + " (max order "
                + maxLpcOrder + "), wasted bits " + wastedBits + ", left/side " + leftSide + ", right/side " + rightSide
                + ", mid/side " + midSide + ", rice " + rice + ", rice2 " + rice2 + ", escapes " + escapes
                + ", variable-size frames " + variableBlockSize;
    }
}
