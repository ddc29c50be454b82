package org.cabintune.hu.audio;

import org.cabintune.dsp.wav.Dither;
import org.cabintune.dsp.wav.PcmCodec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One ALSA PCM stream, playback or capture, in interleaved read/write mode, through
 * {@code libasound.so.2} and the FFM API.
 *
 * <p>{@link #open} negotiates the hardware parameters (access, format, channels, rate, period
 * and buffer size) and refuses a device that cannot run at the requested rate rather than play
 * at the wrong speed. {@link #write} and {@link #read} convert between Q8.24 blocks and the
 * device's words (TPDF-dithered to the word length on playback) and recover from xruns with
 * {@code snd_pcm_recover}, counting them. After {@code open} they allocate nothing: the native
 * buffer, a slice of it for every frame offset, and the byte staging buffer are made here.
 *
 * <p>Not thread-safe: one stream belongs to one audio thread.
 */
public final class AlsaPcm implements AutoCloseable {

    /** What to open. {@code localConfig} is ALSA configuration text defining {@code device}, or null for the system's. */
    public record Spec(String device, boolean capture, PcmFormat format, int channels, int rate,
                       int periodFrames, int periods, String localConfig) {

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
        }

        /** System configuration, playback. */
        public static Spec playback(String device, PcmFormat format, int channels, int rate, int periodFrames, int periods) {
            return new Spec(device, false, format, channels, rate, periodFrames, periods, null);
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

    private AlsaPcm(Spec spec, Arena arena, MemorySegment pcm, int periodFrames, int bufferFrames) {
        this.spec = spec;
        this.arena = arena;
        this.pcm = pcm;
        this.periodFrames = periodFrames;
        this.bufferFrames = bufferFrames;
        this.codec = new PcmCodec(spec.format().wavFormat(spec.rate(), spec.channels()),
                spec.capture() ? null : new Dither(System.nanoTime()));
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
        Arena arena = Arena.ofShared();
        MemorySegment pcm = MemorySegment.NULL;
        try {
            MemorySegment handle = arena.allocate(ADDRESS);
            MemorySegment name = arena.allocateFrom(spec.device(), StandardCharsets.UTF_8);
            int stream = spec.capture() ? AlsaLibrary.STREAM_CAPTURE : AlsaLibrary.STREAM_PLAYBACK;
            int rc;
            if (spec.localConfig() != null) {
                MemorySegment config = loadConfig(arena, spec.localConfig());
                try {
                    rc = (int) AlsaLibrary.PCM_OPEN_LCONF.invokeExact(handle, name, stream, 0, config);
                } finally {
                    int ignored = (int) AlsaLibrary.CONFIG_DELETE.invokeExact(config);
                }
            } else {
                rc = (int) AlsaLibrary.PCM_OPEN.invokeExact(handle, name, stream, 0);
            }
            check(rc, "snd_pcm_open", spec);
            pcm = handle.get(ADDRESS, 0);
            int[] negotiated = configure(arena, pcm, spec);
            return new AlsaPcm(spec, arena, pcm, negotiated[0], negotiated[1]);
        } catch (AlsaException | RuntimeException e) {
            closeQuietly(pcm);
            arena.close();
            throw e;
        } catch (Throwable t) {
            closeQuietly(pcm);
            arena.close();
            throw new IllegalStateException("ALSA call failed on '" + spec.device() + "'", t);
        }
    }

    private static MemorySegment loadConfig(Arena arena, String text) throws Throwable {
        MemorySegment top = arena.allocate(ADDRESS);
        check((int) AlsaLibrary.CONFIG_TOP.invokeExact(top), "snd_config_top", null);
        MemorySegment config = top.get(ADDRESS, 0);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment source = arena.allocateFrom(JAVA_BYTE, bytes);
        MemorySegment input = arena.allocate(ADDRESS);
        check((int) AlsaLibrary.INPUT_BUFFER_OPEN.invokeExact(input, source, (long) bytes.length), "snd_input_buffer_open", null);
        MemorySegment in = input.get(ADDRESS, 0);
        int rc = (int) AlsaLibrary.CONFIG_LOAD.invokeExact(config, in);
        int ignored = (int) AlsaLibrary.INPUT_CLOSE.invokeExact(in);
        if (rc < 0) {
            int deleted = (int) AlsaLibrary.CONFIG_DELETE.invokeExact(config);
            throw new AlsaException("the ALSA configuration text does not parse: " + AlsaLibrary.describe(rc), rc);
        }
        return config;
    }

    /** Sets the hardware parameters; returns {period, buffer} in frames as the device granted them. */
    private static int[] configure(Arena arena, MemorySegment pcm, Spec spec) throws Throwable {
        MemorySegment holder = arena.allocate(ADDRESS);
        check((int) AlsaLibrary.HW_PARAMS_MALLOC.invokeExact(holder), "snd_pcm_hw_params_malloc", spec);
        MemorySegment params = holder.get(ADDRESS, 0);
        try {
            call(AlsaLibrary.HW_PARAMS_ANY, pcm, params, "snd_pcm_hw_params_any", spec);
            check((int) AlsaLibrary.HW_PARAMS_SET_ACCESS.invokeExact(pcm, params, AlsaLibrary.ACCESS_RW_INTERLEAVED),
                    "interleaved read/write access", spec);
            check((int) AlsaLibrary.HW_PARAMS_SET_FORMAT.invokeExact(pcm, params, spec.format().alsaCode()),
                    "format " + spec.format(), spec);
            check((int) AlsaLibrary.HW_PARAMS_SET_CHANNELS.invokeExact(pcm, params, spec.channels()),
                    spec.channels() + " channels", spec);
            MemorySegment rate = arena.allocateFrom(JAVA_INT, spec.rate());
            MemorySegment dir = arena.allocate(JAVA_INT);
            check((int) AlsaLibrary.HW_PARAMS_SET_RATE_NEAR.invokeExact(pcm, params, rate, dir), "rate " + spec.rate(), spec);
            if (rate.get(JAVA_INT, 0) != spec.rate()) {
                throw new AlsaException("ALSA device '" + spec.device() + "' runs at " + rate.get(JAVA_INT, 0)
                        + " Hz, not " + spec.rate() + " Hz; refusing to play at the wrong speed", 0);
            }
            MemorySegment period = arena.allocateFrom(JAVA_LONG, spec.periodFrames());
            check((int) AlsaLibrary.HW_PARAMS_SET_PERIOD_SIZE_NEAR.invokeExact(pcm, params, period, dir),
                    "period of " + spec.periodFrames() + " frames", spec);
            MemorySegment buffer = arena.allocateFrom(JAVA_LONG, (long) spec.periodFrames() * spec.periods());
            check((int) AlsaLibrary.HW_PARAMS_SET_BUFFER_SIZE_NEAR.invokeExact(pcm, params, buffer),
                    "buffer of " + spec.periods() + " periods", spec);
            call(AlsaLibrary.HW_PARAMS, pcm, params, "snd_pcm_hw_params", spec);
            check((int) AlsaLibrary.PREPARE.invokeExact(pcm), "snd_pcm_prepare", spec);
            return new int[] {(int) period.get(JAVA_LONG, 0), (int) buffer.get(JAVA_LONG, 0)};
        } finally {
            AlsaLibrary.HW_PARAMS_FREE.invokeExact(params);
        }
    }

    private static void call(MethodHandle handle, MemorySegment pcm, MemorySegment params, String what, Spec spec)
            throws Throwable {
        check((int) handle.invokeExact(pcm, params), what, spec);
    }

    private static void check(int rc, String what, Spec spec) throws AlsaException {
        if (rc < 0) {
            String device = spec == null ? "" : "ALSA device '" + spec.device() + "': ";
            throw new AlsaException(device + what + " failed: " + AlsaLibrary.describe(rc), rc);
        }
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
                recover((int) n, "snd_pcm_writei");
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
                recover((int) n, "snd_pcm_readi");
            }
        }
        MemorySegment.copy(slices[0], JAVA_BYTE, 0, staging, 0, frames * bytesPerFrame);
        codec.decode(staging, frames, block);
    }

    private void checkFrames(int frames) {
        if (frames < 0 || frames > slices.length) {
            throw new IllegalArgumentException("frames = " + frames + " is outside 0.." + slices.length);
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

    private void recover(int error, String what) throws AlsaException {
        int rc;
        try {
            rc = (int) AlsaLibrary.RECOVER.invokeExact(pcm, error, 1);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) {
            check(error, what, spec);
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

    private static void closeQuietly(MemorySegment pcm) {
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
