/**
 * The measurement stimulus both halves of CabinTune agree on: {@link
 * org.cabintune.dsp.sweep.SweepSpec} (its parameters), {@link
 * org.cabintune.dsp.sweep.SweepLayout} (where each part lies, in frames) and {@link
 * org.cabintune.dsp.sweep.SweepGenerator} (every sample, in closed form). The head unit plays
 * exactly these samples; the tuner deconvolves the recording with the same ones.
 */
package org.cabintune.dsp.sweep;
