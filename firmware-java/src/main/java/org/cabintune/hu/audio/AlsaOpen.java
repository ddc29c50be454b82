package org.cabintune.hu.audio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Opening and configuring an {@link AlsaPcm}, and every message it reports: kept out of
 * {@code AlsaPcm} so that the class the audio thread runs holds no string constants.
 */
final class AlsaOpen {

    private AlsaOpen() {
    }

    /** Opens and configures the stream; on any failure nothing stays open. */
    static AlsaPcm open(AlsaPcm.Spec spec) throws AlsaException {
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
            AlsaPcm.closeQuietly(pcm);
            arena.close();
            throw e;
        } catch (Throwable t) {
            AlsaPcm.closeQuietly(pcm);
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
    private static int[] configure(Arena arena, MemorySegment pcm, AlsaPcm.Spec spec) throws Throwable {
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

    private static void call(MethodHandle handle, MemorySegment pcm, MemorySegment params, String what, AlsaPcm.Spec spec)
            throws Throwable {
        check((int) handle.invokeExact(pcm, params), what, spec);
    }

    private static void check(int rc, String what, AlsaPcm.Spec spec) throws AlsaException {
        if (rc < 0) {
            String device = spec == null ? "" : "ALSA device '" + spec.device() + "': ";
            throw new AlsaException(device + what + " failed: " + AlsaLibrary.describe(rc), rc);
        }
    }

    /** Throws the error of a failed write, read or recovery. */
    static void failed(int error, AlsaPcm.Spec spec) throws AlsaException {
        check(error, spec.capture() ? "snd_pcm_readi" : "snd_pcm_writei", spec);
    }

    /** Refuses a block larger than the stream was opened for. */
    static void badFrames(int frames, int max) {
        throw new IllegalArgumentException("frames = " + frames + " is outside 0.." + max);
    }
}
