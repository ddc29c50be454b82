/**
 * Time alignment: {@link org.cabintune.dsp.delay.Delay}, a per-channel delay of 0 .. 20 ms in
 * whole and fractional samples (first-order Thiran all-pass for the fraction), with its
 * double twin.
 */
package org.cabintune.dsp.delay;
