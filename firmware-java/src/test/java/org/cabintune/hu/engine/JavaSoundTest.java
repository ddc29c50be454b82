package org.cabintune.hu.engine;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java Sound fallback: line format, conversion, choice of mixer, and the error without a line. */
class JavaSoundTest {

    private static final Mixer.Info ONBOARD = new Mixer.Info("HDA Intel PCH [default]", "ALSA", "onboard", "1") { };
    private static final Mixer.Info USB = new Mixer.Info("USB Audio DAC [plughw:1,0]", "ALSA", "usb", "1") { };

    @Test
    void theLineTakesSignedLittleEndianWordsOfTheDacsLength() {
        for (int bits : new int[] {16, 24, 32}) {
            AudioFormat f = JavaSound.format(bits, 8, 96000);
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
            assertEquals(bits, f.getSampleSizeInBits());
            assertEquals(8 * bits / 8, f.getFrameSize());
            assertEquals(96000, f.getFrameRate());
            assertFalse(f.isBigEndian());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaSound.format(8, 2, 48000));
        assertEquals("bits = 8 is not one of 16, 24, 32", e.getMessage());
    }

    @Test
    void blocksBecomeTheLinesBytes() {
        int[][] block = {{1 << 23, -(1 << 24), 12345}, {-1, 0, (1 << 24) - 1}};
        byte[] bytes = new byte[3 * 8];
        JavaSound.codec(JavaSound.format(32, 2, 48000)).encode(block, 3, bytes);
        ByteBuffer words = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] expected = {1 << 30, -1 << 7, Integer.MIN_VALUE, 0, 12345 << 7, ((1 << 24) - 1) << 7};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], words.getInt(), "word " + i);
        }
        byte[] sixteen = new byte[3 * 4];
        JavaSound.codec(JavaSound.format(16, 2, 48000)).encode(block, 3, sixteen);
        ByteBuffer shorts = ByteBuffer.wrap(sixteen).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(Math.abs(shorts.getShort() - (1 << 14)) <= 1, "0.5 is 16384 give or take the dither");
        assertTrue(Math.abs(shorts.getShort()) <= 1, "-2^-24 dithers to 0 or -1");
    }

    @Test
    void choosesTheMixerByPartOfItsName() throws IOException {
        AudioFormat f = JavaSound.format(24, 2, 48000);
        assertSame(USB, JavaSound.choose("usb audio", List.of(ONBOARD, USB), m -> true, f));
        IOException none = assertThrows(IOException.class,
                () -> JavaSound.choose("bluetooth", List.of(ONBOARD, USB), m -> true, f));
        assertEquals("no Java Sound mixer is named like \"bluetooth\"; the mixers here: \"HDA Intel PCH [default]\","
                + " \"USB Audio DAC [plughw:1,0]\"", none.getMessage());
        IOException refuses = assertThrows(IOException.class,
                () -> JavaSound.choose("USB", List.of(ONBOARD, USB), m -> m != USB, f));
        assertEquals("Java Sound mixer \"USB Audio DAC [plughw:1,0]\" takes no 48000 Hz, 2 channel(s), 24-bit signed"
                + " little-endian; the mixers here: \"HDA Intel PCH [default]\", \"USB Audio DAC [plughw:1,0]\"",
                refuses.getMessage());
    }

    @Test
    void withoutAnOutputLineOpeningSaysSo() throws IOException {
        try {
            JavaSoundSink sink = JavaSound.open("", 24, 2, 48000, 128, 3);
            // A machine with a sound card opens it; the line then takes a period.
            sink.write(new int[2][128], 128);
            sink.close();
            assertTrue(AudioSystem.getMixerInfo().length > 0);
        } catch (IOException e) {
            String expected = "no Java Sound output line takes 48000 Hz, 2 channel(s), 24-bit signed little-endian; ";
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
            if (AudioSystem.getMixerInfo().length == 0) {
                assertEquals(expected + "this machine has no Java Sound mixers (no sound card, or none the JVM can reach)",
                        e.getMessage());
            }
        }
    }
}
