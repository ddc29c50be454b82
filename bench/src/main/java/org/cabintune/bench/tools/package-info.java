/**
 * Small command-line helpers of the comparison scripts: the realised coefficients of a
 * profile's sections ({@code PrintCoefficients}) and a sample-by-sample WAV comparison
 * ({@code WavDiff}).
 */
package org.cabintune.bench.tools;
