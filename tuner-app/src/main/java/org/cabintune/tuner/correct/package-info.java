/**
 * Correction design for one output: target curves ({@link org.cabintune.tuner.correct.HouseCurve}),
 * the auto-EQ fitter ({@link org.cabintune.tuner.correct.AutoEq}) and its greedy baseline,
 * null detection across microphone positions, exports of a fitted filter set to other
 * equalisers, and {@code cabintune autoeq}.
 */
package org.cabintune.tuner.correct;
