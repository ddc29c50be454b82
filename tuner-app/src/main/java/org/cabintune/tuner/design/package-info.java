/**
 * The system-level design that comes before per-output EQ: from every output's responses at
 * one seat (sharing one time zero), crossovers from each speaker's usable band, time alignment
 * from predicted arrivals through the realised filters and delays, levels on the target,
 * polarity, and the subwoofer's phase alignment with the fronts; muting of outputs nothing is
 * heard from. {@link org.cabintune.tuner.design.SystemDesign#plan} makes a
 * {@link org.cabintune.tuner.design.SystemPlan}, which becomes profile outputs. See
 * {@code docs/system-design.md}.
 */
package org.cabintune.tuner.design;
