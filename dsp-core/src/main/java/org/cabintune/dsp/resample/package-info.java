/**
 * Sample-rate conversion: {@link org.cabintune.dsp.resample.ResamplerDesign} (a polyphase
 * Kaiser-windowed sinc for any rational ratio, 120 dB stopband), the fixed-point
 * {@link org.cabintune.dsp.resample.Resampler} and its double twin
 * {@link org.cabintune.dsp.resample.ResamplerReference}. Both allocate nothing per call.
 */
package org.cabintune.dsp.resample;
