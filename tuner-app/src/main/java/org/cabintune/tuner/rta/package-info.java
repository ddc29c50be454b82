/**
 * The real-time analyser ({@code cabintune rta}): fractional-octave bands after IEC 61260-1,
 * the analysis of a live microphone signal with pink noise playing, the terminal's bar chart.
 */
package org.cabintune.tuner.rta;
