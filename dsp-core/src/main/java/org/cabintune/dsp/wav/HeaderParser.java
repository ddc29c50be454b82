package org.cabintune.dsp.wav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a WAV stream up to the first byte of its {@code data} payload and checks every field
 * on the way, so that the block reader only ever sees a consistent format. Every problem is
 * a {@link WavFormatException} naming the chunk and byte offset.
 *
 * <p>Unknown chunks (LIST, bext, fact, JUNK, iXML, cue ...) are skipped with their pad byte:
 * RIFF aligns chunks to even offsets, so a chunk of odd size is followed by one extra byte.
 * A chunk id that is not four printable ASCII characters is an error rather than skipped:
 * it means the walk is off the rails, and its size would be garbage too.
 * The RIFF size and the fmt {@code byteRate} are not checked: writers get them wrong often
 * enough, and neither is needed to decode. Skipping reads rather than seeks, so pipes work
 * and a chunk that claims to run past the end of the stream is always noticed.
 */
final class HeaderParser {

    /** What the header says; the stream is left at the first byte of audio. */
    record Header(WavFormat format, int channelMask, long dataOffset, long dataBytes) {
    }

    /** The parsed fmt chunk: the format (length still unknown) and the speaker mask. */
    private record Fmt(WavFormat format, int channelMask) {
    }

    private static final int FMT_BASIC = 16;
    private static final int FMT_EXTENSIBLE = 40;
    private static final int DS64_MIN = 28;
    private static final int MAX_SEEN = 16;

    private final InputStream in;
    private final byte[] scratch = new byte[4096];
    /** Chunks seen so far, for the "no data chunk" message. */
    private final StringBuilder seen = new StringBuilder();
    private int seenCount;
    private long pos;

    private HeaderParser(InputStream in) {
        this.in = in;
    }

    static Header parse(InputStream in) throws IOException {
        return new HeaderParser(in).parse();
    }

    private Header parse() throws IOException {
        int magic = readMagic();
        long ds64DataBytes = -1;
        if (magic != Riff.RIFF) {
            ds64DataBytes = readDs64(magic);
        }
        WavFormat format = null;
        int channelMask = 0;
        String previousOdd = null;
        while (true) {
            long chunkAt = pos;
            int n = readUpTo(8);
            if (n < 8) {
                if (n > 0) {
                    throw new WavFormatException("truncated chunk header at byte " + chunkAt
                            + " (the stream ends after " + n + " of 8 bytes)", chunkAt);
                }
                String what = format == null ? "no fmt chunk and no data chunk" : "no data chunk";
                throw new WavFormatException(what + " before the end of the stream at byte " + pos
                        + " (chunks seen: " + (seen.isEmpty() ? "none" : seen) + ")", pos);
            }
            int id = Riff.s32(scratch, 0);
            long size = Riff.u32(scratch, 4);
            if (!Riff.isText(id)) {
                // RIFF ids are four ASCII characters; anything else means the chunk walk has
                // lost its way, most often because a writer left out a pad byte.
                throw new WavFormatException("bad chunk id " + Riff.idText(id) + " at byte " + chunkAt
                        + (previousOdd != null ? " after the odd-sized chunk " + previousOdd
                        + " (is its pad byte missing?)" : ": the file is corrupt"), chunkAt);
            }
            previousOdd = (size & 1) != 0 ? Riff.idText(id) + " at byte " + chunkAt : null;
            noteSeen(Riff.idText(id), chunkAt);
            if (id == Riff.DATA) {
                if (format == null) {
                    throw new WavFormatException("fmt chunk missing before data (data chunk at byte "
                            + chunkAt + ")", chunkAt);
                }
                long bytes = size;
                if (ds64DataBytes >= 0 && size == Riff.SIZE_UNKNOWN) {
                    bytes = ds64DataBytes;
                }
                // Streaming writers leave 0 or all ones when they cannot seek back.
                if (bytes == 0 || (ds64DataBytes < 0 && bytes == Riff.SIZE_UNKNOWN)) {
                    bytes = -1;
                }
                long frames = bytes < 0 ? -1 : bytes / format.blockAlign();
                return new Header(format.withFrameCount(frames), channelMask, pos, bytes);
            }
            if (id == Riff.FMT) {
                if (format != null) {
                    throw new WavFormatException("duplicate fmt chunk at byte " + chunkAt, chunkAt);
                }
                Fmt fmt = readFmt(chunkAt, size);
                format = fmt.format();
                channelMask = fmt.channelMask();
            } else {
                skip(size + (size & 1), id, chunkAt, size);
            }
        }
    }

    /** Adds a chunk to the list the "no data chunk" message shows, keeping it short. */
    private void noteSeen(String id, long at) {
        if (seenCount++ < MAX_SEEN) {
            seen.append(seen.isEmpty() ? "" : ", ").append(id).append(" at ").append(at);
        } else if (seenCount == MAX_SEEN + 1) {
            seen.append(", ...");
        }
    }

    /** Reads the 12-byte RIFF header and returns the magic (RIFF, RF64 or BW64). */
    private int readMagic() throws IOException {
        int n = readUpTo(12);
        int magic = n >= 4 ? Riff.s32(scratch, 0) : 0;
        if (n == 0) {
            throw new WavFormatException("not a RIFF/WAVE file (the stream is empty)", 0);
        }
        boolean plausible = n >= 4
                ? magic == Riff.RIFF || magic == Riff.RF64 || magic == Riff.BW64
                : startsLikeRiff(n);
        if (!plausible) {
            String hint = magic == Riff.RIFX ? ": big-endian RIFX is not supported" : "";
            throw new WavFormatException("not a RIFF/WAVE file (starts with " + describeStart(n) + hint
                    + ")", 0);
        }
        if (n < 12) {
            throw new WavFormatException("not a RIFF/WAVE file (the stream has only " + n + " bytes)", 0);
        }
        int form = Riff.s32(scratch, 8);
        if (form != Riff.WAVE) {
            throw new WavFormatException("not a RIFF/WAVE file (" + Riff.idText(magic)
                    + " form type is " + Riff.idText(form) + ", not 'WAVE')", 8);
        }
        return magic;
    }

    /** True when the first {@code n} (< 4) bytes could still be the start of a known magic. */
    private boolean startsLikeRiff(int n) {
        for (String m : new String[] {"RIFF", "RF64", "BW64"}) {
            boolean match = true;
            for (int i = 0; i < n; i++) {
                match &= scratch[i] == m.charAt(i);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The printable ASCII prefix of the first bytes in quotes, or their hex when there is none. */
    private String describeStart(int n) {
        int len = Math.min(n, 4);
        int printable = 0;
        while (printable < len && scratch[printable] >= 0x20 && scratch[printable] < 0x7F) {
            printable++;
        }
        if (printable > 0) {
            return "'" + new String(scratch, 0, printable, StandardCharsets.US_ASCII) + "'";
        }
        StringBuilder s = new StringBuilder("bytes");
        for (int i = 0; i < len; i++) {
            s.append(String.format(" %02X", scratch[i] & 0xFF));
        }
        return s.toString();
    }

    /** Reads the ds64 chunk that must open an RF64/BW64 file; returns its 64-bit data size. */
    private long readDs64(int magic) throws IOException {
        long at = pos;
        int n = readUpTo(8);
        int id = n == 8 ? Riff.s32(scratch, 0) : 0;
        if (n < 8 || id != Riff.DS64) {
            throw new WavFormatException(Riff.idText(magic) + " file needs a ds64 chunk first at byte " + at
                    + (n < 8 ? " (the stream ends)" : ", found " + Riff.idText(id)), at);
        }
        long size = Riff.u32(scratch, 4);
        if (size < DS64_MIN) {
            throw new WavFormatException("ds64 chunk at byte " + at + " is " + size
                    + " bytes, too short (needs " + DS64_MIN + ")", at);
        }
        readChunkBody(DS64_MIN, Riff.DS64, at, size);
        long dataBytes = Riff.s64(scratch, 8);
        if (dataBytes < 0) {
            throw new WavFormatException("ds64 chunk at byte " + at + " declares a data size above 2^63",
                    at);
        }
        noteSeen("'ds64'", at);
        // The optional table of other chunks' 64-bit sizes is skipped: only data is that big.
        skip(size - DS64_MIN + (size & 1), Riff.DS64, at, size);
        return dataBytes;
    }

    private Fmt readFmt(long at, long size) throws IOException {
        if (size < FMT_BASIC) {
            throw new WavFormatException("fmt chunk at byte " + at + " is " + size
                    + " bytes, too short (needs " + FMT_BASIC + ")", at);
        }
        int keep = (int) Math.min(size, FMT_EXTENSIBLE);
        readChunkBody(keep, Riff.FMT, at, size);
        byte[] b = Arrays.copyOf(scratch, keep);
        skip(size - keep + (size & 1), Riff.FMT, at, size);

        int tag = Riff.u16(b, 0);
        int channels = Riff.u16(b, 2);
        long sampleRate = Riff.u32(b, 4);
        int blockAlign = Riff.u16(b, 12);
        int bits = Riff.u16(b, 14);
        int channelMask = 0;
        String where = " in fmt chunk at byte " + at;
        if (tag == Riff.TAG_EXTENSIBLE) {
            if (size < FMT_EXTENSIBLE) {
                throw new WavFormatException("fmt chunk at byte " + at + " is " + size
                        + " bytes, too short for WAVE_FORMAT_EXTENSIBLE (needs " + FMT_EXTENSIBLE + ")", at);
            }
            if (!Arrays.equals(b, 26, 40, Riff.SUBTYPE_SUFFIX, 0, Riff.SUBTYPE_SUFFIX.length)) {
                throw new WavFormatException("unsupported WAVE_FORMAT_EXTENSIBLE sub-format "
                        + guid(b, 24) + where + "; CabinTune reads PCM and IEEE float WAV", at);
            }
            int validBits = Riff.u16(b, 18);
            if (validBits > bits) {
                throw new WavFormatException("validBitsPerSample " + validBits + " exceeds bitsPerSample "
                        + bits + where, at);
            }
            channelMask = Riff.s32(b, 20);
            tag = Riff.u16(b, 24);
        }
        WavEncoding encoding = switch (tag) {
            case Riff.TAG_PCM -> WavEncoding.PCM;
            case Riff.TAG_IEEE_FLOAT -> WavEncoding.IEEE_FLOAT;
            default -> throw new WavFormatException(String.format(
                    "unsupported encoding 0x%04X (%s); CabinTune reads PCM and IEEE float WAV", tag,
                    Riff.tagName(tag)) + where, at);
        };
        String problem = WavFormat.problem(sampleRate, channels, bits, encoding);
        if (problem != null) {
            throw new WavFormatException(problem + where, at);
        }
        if (blockAlign != channels * (bits / 8)) {
            throw new WavFormatException("blockAlign " + blockAlign + " does not match " + channels
                    + " channels x " + bits + " bits" + where, at);
        }
        return new Fmt(new WavFormat((int) sampleRate, channels, bits, encoding, -1), channelMask);
    }

    /** A GUID in registry form; the first three fields are little-endian in the file. */
    private static String guid(byte[] b, int off) {
        StringBuilder s = new StringBuilder(String.format("{%08X-%04X-%04X-", Riff.u32(b, off),
                Riff.u16(b, off + 4), Riff.u16(b, off + 6)));
        for (int i = 8; i < 16; i++) {
            s.append(String.format(i == 10 ? "-%02X" : "%02X", b[off + i] & 0xFF));
        }
        return s.append('}').toString();
    }

    /** Reads {@code n} body bytes of a chunk into {@code scratch} or fails naming the chunk. */
    private void readChunkBody(int n, int id, long chunkAt, long size) throws IOException {
        if (readUpTo(n) < n) {
            throw beyondEnd(id, chunkAt, size);
        }
    }

    /** Skips {@code n} bytes by reading them, failing if the stream ends first. */
    private void skip(long n, int id, long chunkAt, long size) throws IOException {
        while (n > 0) {
            int want = (int) Math.min(n, scratch.length);
            int got = readUpTo(want);
            if (got < want) {
                throw beyondEnd(id, chunkAt, size);
            }
            n -= got;
        }
    }

    private WavFormatException beyondEnd(int id, long chunkAt, long size) {
        return new WavFormatException("chunk " + Riff.idText(id) + " at byte " + chunkAt + " declares "
                + size + " bytes, beyond the end of the stream at byte " + pos, chunkAt);
    }

    /** Reads up to {@code n} bytes into {@code scratch[0..n)}; fewer only at end of stream. */
    private int readUpTo(int n) throws IOException {
        int total = 0;
        while (total < n) {
            int got = in.read(scratch, total, n - total);
            if (got < 0) {
                break;
            }
            total += got;
        }
        pos += total;
        return total;
    }
}
