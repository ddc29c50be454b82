/**
 * Level and polarity: {@link org.cabintune.dsp.gain.Gain} (per-channel gain with click-free
 * linear ramps and exact mute) and {@link org.cabintune.dsp.gain.Polarity} (per-channel
 * inversion), each with its double twin.
 */
package org.cabintune.dsp.gain;
