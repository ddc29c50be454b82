/**
 * Loudness metering after ITU-R BS.1770-5, EBU Tech 3341 (momentary, short-term, integrated
 * loudness and true peak) and EBU Tech 3342 (loudness range): {@link
 * org.cabintune.dsp.loudness.LoudnessMeter}, a real-time meter for Q8.24 blocks, and {@link
 * org.cabintune.dsp.loudness.LoudnessMeterReference}, its double twin; the K-weighting
 * derived for any sample rate ({@link org.cabintune.dsp.loudness.KWeighting}), the true-peak
 * interpolator ({@link org.cabintune.dsp.loudness.TruePeakFilter}) and the channel weights
 * ({@link org.cabintune.dsp.loudness.ChannelWeights}).
 */
package org.cabintune.dsp.loudness;
