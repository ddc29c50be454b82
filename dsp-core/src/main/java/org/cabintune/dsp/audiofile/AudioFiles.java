package org.cabintune.dsp.audiofile;

import org.cabintune.dsp.flac.FlacReader;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.dsp.wav.WavReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Opens an audio file for reading by what its first bytes say it is, never by its name:
 * {@code RIFF}, {@code RF64} or {@code BW64} is WAV ({@link WavReader}); {@code fLaC}, or an
 * ID3v2 tag in front of it, is FLAC ({@link FlacReader}).
 */
public final class AudioFiles {

    private static final int MAGIC = 4;

    private AudioFiles() {
    }

    /**
     * Reads the first bytes at the channel's position, goes back, and opens the matching reader
     * on the channel, which it then owns.
     *
     * @throws AudioFileException if the bytes are neither WAV nor FLAC
     * @throws IOException        if the reader finds the header malformed, or reading fails
     */
    public static AudioReader open(SeekableByteChannel in) throws IOException {
        long start = in.position();
        ByteBuffer head = ByteBuffer.allocate(MAGIC);
        while (head.hasRemaining() && in.read(head) >= 0) {
            // a blocking channel returns at least one byte or -1
        }
        in.position(start);
        byte[] b = head.array();
        int n = head.position();
        String text = new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.equals("fLaC") || text.startsWith("ID3") && n >= 3) {
            return FlacReader.open(in);
        }
        if (text.equals("RIFF") || text.equals("RF64") || text.equals("BW64")) {
            return WavReader.open(in);
        }
        throw new AudioFileException(n == 0 ? "the file is empty; expected WAV or FLAC"
                : "not a WAV or FLAC file: it starts with " + describe(b, n) + " (WAV starts with 'RIFF', 'RF64' or"
                + " 'BW64', FLAC with 'fLaC')");
    }

    /** The first bytes as quoted text when printable, as hex otherwise. */
    private static String describe(byte[] b, int n) {
        StringBuilder text = new StringBuilder("'");
        StringBuilder hex = new StringBuilder("bytes");
        boolean printable = true;
        for (int i = 0; i < n; i++) {
            printable &= b[i] >= 0x20 && b[i] < 0x7F;
            text.append((char) b[i]);
            hex.append(String.format(" %02X", b[i] & 0xFF));
        }
        return printable ? text.append('\'').toString() : hex.toString();
    }
}
