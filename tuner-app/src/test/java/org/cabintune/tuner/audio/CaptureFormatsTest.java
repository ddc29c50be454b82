package org.cabintune.tuner.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** Choosing a capture format from what a device's lines offer, and saying what they offer. */
class CaptureFormatsTest {

    private static final int ANY = AudioSystem.NOT_SPECIFIED;
    private static final AudioFormat.Encoding SIGNED = AudioFormat.Encoding.PCM_SIGNED;
    private static final AudioFormat.Encoding UNSIGNED = AudioFormat.Encoding.PCM_UNSIGNED;
    private static final AudioFormat.Encoding FLOAT = AudioFormat.Encoding.PCM_FLOAT;

    /** A format as ALSA's direct devices list them: any rate, packed words. */
    private static AudioFormat listed(AudioFormat.Encoding e, int bits, int channels, boolean big) {
        return new AudioFormat(e, ANY, bits, channels, channels == ANY ? ANY : channels * bits / 8, ANY, big);
    }

    private static AudioFormat at(int rate, int bits, int channels) {
        return new AudioFormat(SIGNED, rate, bits, channels, channels * bits / 8, rate, false);
    }

    /** What a Linux direct device of an onboard codec offers: stereo only, 8 to 32 bits, both orders, both signs. */
    private static List<AudioFormat> stereoOnlyCodec() {
        List<AudioFormat> out = new ArrayList<>();
        for (int bits : new int[] {16, 24, 32}) {
            for (boolean big : new boolean[] {false, true}) {
                out.add(listed(SIGNED, bits, 2, big));
                out.add(listed(UNSIGNED, bits, 2, big));
            }
        }
        out.add(0, listed(UNSIGNED, 8, 2, false));
        out.add(1, listed(SIGNED, 8, 2, false));
        return out;
    }

    @Test
    void aStereoOnlyDeviceIsOpenedInStereoAndTheMicrophonesChannelKept() throws AudioException {
        CaptureFormats.Choice c = CaptureFormats.choose("HDA Intel PCH [plughw:0,0]", stereoOnlyCodec(), 48000, 0);
        assertEquals(at(48000, 24, 2).toString(), c.format().toString());
        assertEquals(0, c.channel());
        assertEquals(List.of("\"HDA Intel PCH [plughw:0,0]\" offers no mono capture: recording 2 channels and keeping channel 0"),
                c.notes());
        CaptureFormats.Choice right = CaptureFormats.choose("HDA", stereoOnlyCodec(), 96000, 1);
        assertEquals(at(96000, 24, 2).toString(), right.format().toString());
        assertEquals(List.of("recording 2 channels and keeping channel 1"), right.notes());
    }

    @Test
    void aMonoMeasurementMicrophoneIsRecordedAsItIs() throws AudioException {
        List<AudioFormat> umik = List.of(at(48000, 16, 1), at(48000, 24, 1), at(44100, 24, 1));
        CaptureFormats.Choice c = CaptureFormats.choose("UMIK-1 [plughw:1,0]", umik, 48000, 0);
        assertEquals(at(48000, 24, 1).toString(), c.format().toString());
        assertTrue(c.notes().isEmpty());
        assertEquals(44100f, CaptureFormats.choose("UMIK", umik, 44100, 0).format().getSampleRate());
    }

    @Test
    void wordsPreferredInOrder24Then32ThenFloatThen16() throws AudioException {
        List<AudioFormat> all = new ArrayList<>(List.of(listed(SIGNED, 16, 1, false), listed(FLOAT, 32, 1, false),
                listed(SIGNED, 32, 1, false), listed(SIGNED, 24, 1, false)));
        int[] expected = {24, 32, 32, 16};
        AudioFormat.Encoding[] encodings = {SIGNED, SIGNED, FLOAT, SIGNED};
        for (int i = 0; i < expected.length; i++) {
            AudioFormat f = CaptureFormats.choose("d", all, 48000, 0).format();
            assertEquals(expected[i], f.getSampleSizeInBits(), "choice " + i + " of " + all);
            assertEquals(encodings[i], f.getEncoding());
            all.removeIf(o -> o.getSampleSizeInBits() == f.getSampleSizeInBits() && o.getEncoding().equals(f.getEncoding()));
        }
    }

    @Test
    void sixteenBitsOnlyIsTakenWithANote() throws AudioException {
        CaptureFormats.Choice c = CaptureFormats.choose("Webcam [plughw:2,0]", List.of(listed(SIGNED, 16, 1, false),
                listed(UNSIGNED, 8, 1, false)), 48000, 0);
        assertEquals(16, c.format().getSampleSizeInBits());
        assertEquals(List.of("\"Webcam [plughw:2,0]\" offers no 24- or 32-bit capture at 48000 Hz: recording 16-bit"
                + " (about 96 dB of range)"), c.notes());
    }

    @Test
    void littleEndianBeforeBigFewestChannelsFirst() throws AudioException {
        AudioFormat f = CaptureFormats.choose("d", List.of(listed(SIGNED, 24, 4, false), listed(SIGNED, 24, 2, true),
                listed(SIGNED, 24, 2, false)), 48000, 1).format();
        assertEquals(2, f.getChannels());
        assertFalse(f.isBigEndian());
        assertTrue(CaptureFormats.choose("d", List.of(listed(SIGNED, 24, 1, true)), 48000, 0).format().isBigEndian());
    }

    @Test
    void unlistedChannelsAreTheFewestThatHoldTheMicrophone() throws AudioException {
        AudioFormat f = CaptureFormats.choose("d", List.of(listed(SIGNED, 24, ANY, false)), 48000, 2).format();
        assertEquals(3, f.getChannels());
        assertEquals(9, f.getFrameSize());
    }

    @Test
    void unlistedWordSizesAreTriedLargestFirst() throws AudioException {
        AudioFormat f = CaptureFormats.choose("d", List.of(new AudioFormat(SIGNED, ANY, ANY, 1, ANY, ANY, false)), 48000, 0)
                .format();
        assertEquals(24, f.getSampleSizeInBits());
        assertEquals(3, f.getFrameSize());
    }

    @Test
    void aWordInALargerContainerIsNotTaken() {
        // 24 bits in 4-byte slots: Java Sound does not say where the bits sit.
        AudioFormat padded = new AudioFormat(SIGNED, 48000, 24, 2, 8, 48000, false);
        AudioException e = assertThrows(AudioException.class, () -> CaptureFormats.choose("d", List.of(padded), 48000, 0));
        assertTrue(e.getMessage().contains("it offers 48000 Hz; 24-bit; 2 channels; signed; little-endian"), e.getMessage());
    }

    @Test
    void aRateTheDeviceDoesNotOfferIsRefusedWithWhatItOffers() {
        AudioException e = assertThrows(AudioException.class, () -> CaptureFormats.choose("USB PnP Sound Device",
                List.of(at(44100, 16, 1), at(32000, 16, 1)), 48000, 0));
        assertEquals("capture device \"USB PnP Sound Device\" offers no signed 16-, 24- or 32-bit PCM (or 32-bit float)"
                + " at 48000 Hz with 1 channel or more; it offers 32000, 44100 Hz; 16-bit; 1 channel; signed;"
                + " little-endian", e.getMessage());
    }

    @Test
    void aChannelBeyondTheDevicesIsRefused() {
        AudioException e = assertThrows(AudioException.class,
                () -> CaptureFormats.choose("UMIK", List.of(at(48000, 24, 1)), 48000, 1));
        assertTrue(e.getMessage().contains("at 48000 Hz with 2 channels or more; it offers 48000 Hz; 24-bit; 1 channel"),
                e.getMessage());
    }

    @Test
    void eightBitAndUnsignedOnlyIsRefused() {
        AudioException e = assertThrows(AudioException.class, () -> CaptureFormats.choose("Old", List.of(
                listed(UNSIGNED, 8, 1, false), listed(SIGNED, 8, 1, false), listed(UNSIGNED, 16, 1, false)), 48000, 0));
        assertTrue(e.getMessage().endsWith("it offers any rate (not listed); 8, 16-bit; 1 channel; signed, unsigned;"
                + " little-endian"), e.getMessage());
    }

    @Test
    void badRequestsNameTheField() {
        assertEquals("rate = 1000 Hz is outside 8000 .. 192000", assertThrows(IllegalArgumentException.class,
                () -> CaptureFormats.choose("d", stereoOnlyCodec(), 1000, 0)).getMessage());
        assertEquals("channel = -1 is outside 0 .. 31", assertThrows(IllegalArgumentException.class,
                () -> CaptureFormats.choose("d", stereoOnlyCodec(), 48000, -1)).getMessage());
    }

    @Test
    void summariesSayWhatALineTakes() {
        assertEquals("any rate (not listed); 8, 16, 24, 32-bit; 2 channels; signed, unsigned; little- and big-endian",
                CaptureFormats.summary(stereoOnlyCodec()));
        assertEquals("44100, 48000 Hz or any rate (not listed); any word size; any number of channels; float; big-endian",
                CaptureFormats.summary(List.of(new AudioFormat(FLOAT, 44100, ANY, ANY, ANY, ANY, true),
                        new AudioFormat(FLOAT, 48000, ANY, ANY, ANY, ANY, true), new AudioFormat(FLOAT, ANY, 32, 1, 4, ANY, true))));
        assertEquals("no formats", CaptureFormats.summary(List.of()));
        assertEquals("96000 Hz, 24-bit signed, 2 channels, little-endian", CaptureFormats.describe(at(96000, 24, 2)));
    }
}
