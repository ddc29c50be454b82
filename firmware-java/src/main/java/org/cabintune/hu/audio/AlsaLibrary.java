package org.cabintune.hu.audio;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles into {@code libasound.so.2} through the FFM API: only the calls the head
 * unit uses. Loaded on first use; a machine without the library gets one clear error.
 */
final class AlsaLibrary {

    static final int STREAM_PLAYBACK = 0;
    static final int STREAM_CAPTURE = 1;
    static final int ACCESS_RW_INTERLEAVED = 3;

    static final MethodHandle PCM_OPEN_LCONF;
    static final MethodHandle PCM_OPEN;
    static final MethodHandle HW_PARAMS_MALLOC;
    static final MethodHandle HW_PARAMS_FREE;
    static final MethodHandle HW_PARAMS_ANY;
    static final MethodHandle HW_PARAMS_SET_ACCESS;
    static final MethodHandle HW_PARAMS_SET_FORMAT;
    static final MethodHandle HW_PARAMS_SET_CHANNELS;
    static final MethodHandle HW_PARAMS_SET_RATE_NEAR;
    static final MethodHandle HW_PARAMS_SET_PERIOD_SIZE_NEAR;
    static final MethodHandle HW_PARAMS_SET_BUFFER_SIZE_NEAR;
    static final MethodHandle HW_PARAMS;
    static final MethodHandle PREPARE;
    static final MethodHandle WRITEI;
    static final MethodHandle READI;
    static final MethodHandle RECOVER;
    static final MethodHandle DRAIN;
    static final MethodHandle DROP;
    static final MethodHandle CLOSE;
    static final MethodHandle STRERROR;
    static final MethodHandle CONFIG_TOP;
    static final MethodHandle CONFIG_LOAD;
    static final MethodHandle CONFIG_DELETE;
    static final MethodHandle INPUT_BUFFER_OPEN;
    static final MethodHandle INPUT_CLOSE;

    static {
        SymbolLookup lib;
        try {
            lib = SymbolLookup.libraryLookup("libasound.so.2", Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("libasound.so.2 (ALSA) is not installed: apt-get install libasound2", e);
        }
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor pcmInt = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        FunctionDescriptor pcmParams = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
        FunctionDescriptor pcmParamsInt = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        PCM_OPEN_LCONF = handle(linker, lib, "snd_pcm_open_lconf",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        PCM_OPEN = handle(linker, lib, "snd_pcm_open", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        HW_PARAMS_MALLOC = handle(linker, lib, "snd_pcm_hw_params_malloc", pcmInt);
        HW_PARAMS_FREE = handle(linker, lib, "snd_pcm_hw_params_free", FunctionDescriptor.ofVoid(ADDRESS));
        HW_PARAMS_ANY = handle(linker, lib, "snd_pcm_hw_params_any", pcmParams);
        HW_PARAMS_SET_ACCESS = handle(linker, lib, "snd_pcm_hw_params_set_access", pcmParamsInt);
        HW_PARAMS_SET_FORMAT = handle(linker, lib, "snd_pcm_hw_params_set_format", pcmParamsInt);
        HW_PARAMS_SET_CHANNELS = handle(linker, lib, "snd_pcm_hw_params_set_channels", pcmParamsInt);
        HW_PARAMS_SET_RATE_NEAR = handle(linker, lib, "snd_pcm_hw_params_set_rate_near",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        HW_PARAMS_SET_PERIOD_SIZE_NEAR = handle(linker, lib, "snd_pcm_hw_params_set_period_size_near",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        HW_PARAMS_SET_BUFFER_SIZE_NEAR = handle(linker, lib, "snd_pcm_hw_params_set_buffer_size_near",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        HW_PARAMS = handle(linker, lib, "snd_pcm_hw_params", pcmParams);
        PREPARE = handle(linker, lib, "snd_pcm_prepare", pcmInt);
        WRITEI = handle(linker, lib, "snd_pcm_writei", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
        READI = handle(linker, lib, "snd_pcm_readi", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
        RECOVER = handle(linker, lib, "snd_pcm_recover", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        DRAIN = handle(linker, lib, "snd_pcm_drain", pcmInt);
        DROP = handle(linker, lib, "snd_pcm_drop", pcmInt);
        CLOSE = handle(linker, lib, "snd_pcm_close", pcmInt);
        STRERROR = handle(linker, lib, "snd_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        CONFIG_TOP = handle(linker, lib, "snd_config_top", pcmInt);
        CONFIG_LOAD = handle(linker, lib, "snd_config_load", pcmParams);
        CONFIG_DELETE = handle(linker, lib, "snd_config_delete", pcmInt);
        INPUT_BUFFER_OPEN = handle(linker, lib, "snd_input_buffer_open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        INPUT_CLOSE = handle(linker, lib, "snd_input_close", pcmInt);
    }

    private AlsaLibrary() {
    }

    private static MethodHandle handle(Linker linker, SymbolLookup lib, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lib.find(name)
                .orElseThrow(() -> new IllegalStateException("libasound.so.2 has no " + name));
        return linker.downcallHandle(symbol, descriptor);
    }

    /** ALSA's text for an error code. */
    static String describe(int code) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(code);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            return "error " + code;
        }
    }
}
