/**
 * {@code cabintune loudness}: meters WAV files with the head unit's loudness meter and
 * previews what streaming platforms and broadcast standards would do to them.
 */
package org.cabintune.tuner.loudness;
