/**
 * A streaming WAV codec for Q8.24 blocks: {@link org.cabintune.dsp.wav.WavReader} parses
 * RIFF/WAVE and RF64/BW64 (PCM and IEEE float, plain or {@code WAVE_FORMAT_EXTENSIBLE}) and
 * {@link org.cabintune.dsp.wav.WavWriter} writes PCM or float with optional TPDF
 * {@link org.cabintune.dsp.wav.Dither}.
 *
 * <p>The package opens no files: callers hand in streams or channels they opened. Malformed
 * input of any kind surfaces as a {@link org.cabintune.dsp.wav.WavFormatException} that names
 * what was wrong and at which byte offset. Block reads and writes allocate nothing after
 * construction, so both can sit in a render loop.
 */
package org.cabintune.dsp.wav;
