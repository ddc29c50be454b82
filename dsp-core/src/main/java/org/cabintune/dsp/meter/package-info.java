/**
 * Level meter taps: {@link org.cabintune.dsp.meter.Meter} passes audio through unchanged while
 * measuring peak (with hold and decay) and windowed RMS per channel, published for lock-free
 * reading from other threads; with its double twin.
 */
package org.cabintune.dsp.meter;
