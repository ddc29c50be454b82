/**
 * A FLAC decoder (RFC 9639) for Q8.24 blocks: {@link org.cabintune.dsp.flac.FlacReader}
 * reads everything an encoder writes, checks every frame's CRCs and numbering and the
 * stream's MD5, and reports a corrupt or cut-off stream as a
 * {@link org.cabintune.dsp.flac.FlacFormatException} naming the byte offset and frame.
 * Frame reads allocate nothing after the stream is opened. The package opens no files:
 * callers hand in channels or streams.
 */
package org.cabintune.dsp.flac;
