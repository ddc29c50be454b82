package org.cabintune.hu.audio;

import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.dsp.wav.PcmCodec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * One ALSA PCM stream, playback or capture, in interleaved read/write mode, through
 * {@code libasound.so.2} and the FFM API.
 *
 * <p>{@link #open} negotiates the hardware parameters (access, format, channels, rate, period
 * and buffer size) and refuses a device that cannot run at the requested rate rather than play
 * at the wrong speed. {@link #write} and {@link #read} convert between Q8.24 blocks and the
 * device's words (dithered to the word length on playback: flat or shaped TPDF, or none, as the
 * spec asks) and recover from xruns with
 * {@code snd_pcm_recover}, counting them. After {@code open} they allocate nothing: the native
 * buffer, a slice of it for every frame offset, and the byte staging buffer are made here.
 *
 * <p>Not thread-safe: one stream belongs to one audio thread. The class holds no string
 * constants (its messages are in {@link AlsaOpen}): HotSpot would allocate them on the audio
 * thread when it first compiles {@link #write} there.
 */
public final class AlsaPcm implements AutoCloseable {

    /**
     * What to open. {@code localConfig} is ALSA configuration text defining {@code device}, or
     * null for the system's; {@code dither} is how playback words shorter than 32 bits are dithered.
     */
    public record Spec(String device, boolean capture, PcmFormat format, int channels, int rate,
                       int periodFrames, int periods, String localConfig, DitherMode dither) {

        public Spec {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("device must be named");
            }
            if (channels < 1 || channels > 32) {
                throw new IllegalArgumentException("channels = " + channels + " is outside 1..32");
            }
            if (periodFrames < 16 || periodFrames > 8192) {
                throw new IllegalArgumentException("periodFrames = " + periodFrames + " is outside 16..8192");
            }
            if (periods < 2 || periods > 16) {
                throw new IllegalArgumentException("periods = " + periods + " is outside 2..16");
            }
            if (dither == null) {
                throw new IllegalArgumentException("dither must be given (off, tpdf or shaped)");
            }
        }

        /** With flat TPDF dither on playback. */
        public Spec(String device, boolean capture, PcmFormat format, int channels, int rate,
                    int periodFrames, int periods, String localConfig) {
            this(device, capture, format, channels, rate, periodFrames, periods, localConfig, DitherMode.TPDF);
        }

        /** System configuration, playback, flat TPDF dither. */
        public static Spec playback(String device, PcmFormat format, int channels, int rate, int periodFrames, int periods) {
            return playback(device, format, channels, rate, periodFrames, periods, DitherMode.TPDF);
        }

        /** System configuration, playback, the given dither. */
        public static Spec playback(String device, PcmFormat format, int channels, int rate, int periodFrames, int periods,
                                    DitherMode dither) {
            return new Spec(device, false, format, channels, rate, periodFrames, periods, null, dither);
        }
    }

    /** -EPIPE: an underrun or overrun. */
    private static final int EPIPE = -32;
    /** -ESTRPIPE: the stream was suspended. */
    private static final int ESTRPIPE = -86;

    private final Spec spec;
    private final Arena arena;
    private final MemorySegment pcm;
    private final int periodFrames;
    private final int bufferFrames;
    private final int bytesPerFrame;
    private final PcmCodec codec;
    private final byte[] staging;
    private final MemorySegment[] slices;
    private long xruns;
    private boolean closed;

    AlsaPcm(Spec spec, Arena arena, MemorySegment pcm, int periodFrames, int bufferFrames) {
        this.spec = spec;
        this.arena = arena;
        this.pcm = pcm;
        this.periodFrames = periodFrames;
        this.bufferFrames = bufferFrames;
        this.codec = new PcmCodec(spec.format().wavFormat(spec.rate(), spec.channels()),
                spec.capture() ? null : spec.dither().create(System.nanoTime(), spec.channels()));
        this.bytesPerFrame = codec.bytesPerFrame();
        int maxFrames = Math.max(periodFrames, spec.periodFrames());
        MemorySegment buffer = arena.allocate((long) maxFrames * bytesPerFrame, 16);
        this.staging = new byte[maxFrames * bytesPerFrame];
        this.slices = new MemorySegment[maxFrames];
        for (int f = 0; f < maxFrames; f++) {
            slices[f] = buffer.asSlice((long) f * bytesPerFrame);
        }
    }

    /** Opens and configures the stream; on any failure nothing stays open. */
    public static AlsaPcm open(Spec spec) throws AlsaException {
        return AlsaOpen.open(spec);
    }

    /**
     * Writes {@code frames} frames (at most the period size asked for) of Q8.24 samples,
     * blocking until the device has taken them; an xrun is recovered and counted.
     */
    public void write(int[][] block, int frames) throws AlsaException {
        checkFrames(frames);
        codec.encode(block, frames, staging);
        MemorySegment.copy(staging, 0, slices[0], JAVA_BYTE, 0, frames * bytesPerFrame);
        int done = 0;
        while (done < frames) {
            long n = writei(slices[done], frames - done);
            if (n >= 0) {
                done += (int) n;
            } else {
                recover((int) n);
            }
        }
    }

    /** Reads {@code frames} frames into Q8.24 blocks, blocking until they arrive; an xrun is recovered and counted. */
    public void read(int[][] block, int frames) throws AlsaException {
        checkFrames(frames);
        int done = 0;
        while (done < frames) {
            long n = readi(slices[done], frames - done);
            if (n >= 0) {
                done += (int) n;
            } else {
                recover((int) n);
            }
        }
        MemorySegment.copy(slices[0], JAVA_BYTE, 0, staging, 0, frames * bytesPerFrame);
        codec.decode(staging, frames, block);
    }

    private void checkFrames(int frames) {
        if (frames < 0 || frames > slices.length) {
            AlsaOpen.badFrames(frames, slices.length);
        }
    }

    private long writei(MemorySegment from, long frames) {
        try {
            return (long) AlsaLibrary.WRITEI.invokeExact(pcm, from, frames);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long readi(MemorySegment into, long frames) {
        try {
            return (long) AlsaLibrary.READI.invokeExact(pcm, into, frames);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private void recover(int error) throws AlsaException {
        int rc;
        try {
            rc = (int) AlsaLibrary.RECOVER.invokeExact(pcm, error, 1);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) {
            AlsaOpen.failed(error, spec);
        }
        if (error == EPIPE || error == ESTRPIPE) {
            xruns++;
        }
    }

    /** Underruns (playback) or overruns (capture) recovered so far. */
    public long xruns() {
        return xruns;
    }

    /** Frames per period as the device granted them. */
    public int periodFrames() {
        return periodFrames;
    }

    /** Frames in the device buffer as granted. */
    public int bufferFrames() {
        return bufferFrames;
    }

    /** What was asked for. */
    public Spec spec() {
        return spec;
    }

    /** Plays out what is queued (playback) and closes the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int ignored = spec.capture() ? (int) AlsaLibrary.DROP.invokeExact(pcm) : (int) AlsaLibrary.DRAIN.invokeExact(pcm);
        } catch (Throwable t) {
            // Closing goes on regardless.
        }
        closeQuietly(pcm);
        arena.close();
    }

    static void closeQuietly(MemorySegment pcm) {
        if (pcm.equals(MemorySegment.NULL)) {
            return;
        }
        try {
            int ignored = (int) AlsaLibrary.CLOSE.invokeExact(pcm);
        } catch (Throwable t) {
            // Nothing more to do for a stream that will not close.
        }
    }
}
