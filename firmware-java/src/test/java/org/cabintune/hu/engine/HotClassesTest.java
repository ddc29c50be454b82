package org.cabintune.hu.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The classes whose code runs on the audio thread hold no string constants. HotSpot resolves
 * all of a class's string constants on the thread that first asks for C2 compilation of one
 * of its methods; for these classes that is the audio thread, well into a stream, and each
 * constant would be a String allocated there (seen in JFR as a String and its byte[] at a
 * call into the class). Messages live in {@link Checks} and {@code AlsaOpen}, factories in
 * {@link TestSignals} and {@link WavFiles}; the DAC's dither keeps its in {@code DitherChecks}.
 * Enums are exempt: their names are resolved when they initialise.
 */
public class HotClassesTest {

    @ParameterizedTest
    @ValueSource(classes = {AudioLoop.class, ControlQueue.class, ControlQueue.Handler.class, StatsPublisher.class,
            Source.class, Sink.class, NullSink.class, Pacer.class, WavFileSink.class, AlsaSink.class,
            AlsaSource.class, TestSignalSource.class, SignalGenerator.class, SineGenerator.class, PinkNoise.class,
            SampleLoop.class, SwitchableSource.class, ForwardingSource.class, WavFileSource.class, org.cabintune.hu.audio.AlsaPcm.class,
            org.cabintune.dsp.resample.Resampler.class, JavaSoundSink.class, BlockTimeHistogram.class,

            org.cabintune.dsp.wav.Dither.class, org.cabintune.dsp.loudness.LevelRider.class,
            org.cabintune.dsp.loudness.LoudnessCompensation.class, org.cabintune.dsp.graph.GraphSwitcher.class})
    void holdsNoStringConstants(Class<?> hot) throws IOException {
        assertEquals(List.of(), strings(hot), hot.getSimpleName() + " string constants");
    }

    public static List<String> strings(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName().replace('.', '$') + ".class")) {
            String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
            byte[] bytes = (in != null ? in : type.getResourceAsStream(file)).readAllBytes();
            ClassModel model = ClassFile.of().parse(bytes);
            List<String> found = new ArrayList<>();
            for (PoolEntry entry : model.constantPool()) {
                if (entry instanceof StringEntry s) {
                    found.add(s.stringValue());
                }
            }
            return found;
        }
    }
}
