/**
 * Audio files by content: {@link org.cabintune.dsp.audiofile.AudioFiles} looks at a file's
 * first bytes and opens a WAV ({@code org.cabintune.dsp.wav}) or FLAC
 * ({@code org.cabintune.dsp.flac}) reader, both behind {@code org.cabintune.dsp.wav.AudioReader}.
 * Like the codecs, it opens no files itself: callers hand in channels.
 */
package org.cabintune.dsp.audiofile;
