/**
 * The listening profile, format v1 ({@code "cabintune.profile/1"}): immutable records for
 * every part of the file, a strict parser and a canonical writer.
 *
 * <p>Records ({@link org.cabintune.dsp.profile.Profile}, {@link org.cabintune.dsp.profile.Bus},
 * {@link org.cabintune.dsp.profile.Output}, {@link org.cabintune.dsp.profile.FilterSpec}) hold
 * data only; their constructors enforce structure (no nulls, immutable copies). The value
 * ranges are checked by one validator per type, because a range often depends on context
 * (a filter's Nyquist limit needs the profile's sample rate, a mix key must be a declared
 * input) and because a user wants every problem at once, each named by its JSON path.
 *
 * <p>Reading happens in three stages, each reporting all of its problems before stopping:
 * JSON syntax (with duplicate keys and non-finite numbers), structure (unknown and missing
 * fields, wrong JSON types, unknown names), then ranges and cross-field rules, ending with the
 * design and quantisation of every filter, so a valid profile always compiles. Every problem
 * ends up in one {@link org.cabintune.dsp.profile.ProfileException}; nothing else escapes.
 */
package org.cabintune.dsp.profile;
