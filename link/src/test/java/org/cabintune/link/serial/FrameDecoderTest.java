package org.cabintune.link.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final int MAX = 1024;

    private final List<byte[]> messages = new ArrayList<>();
    private final List<FrameError> refused = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(MAX, new FrameDecoder.Listener() {
        @Override
        public void message(byte[] message) {
            messages.add(message);
        }

        @Override
        public void refused(FrameError error, String detail) {
            refused.add(error);
        }
    });

    @Test
    void deliversFramesOfEverySizeEvenByteByByte() {
        Random random = new Random(3);
        List<byte[]> sent = new ArrayList<>();
        for (int size : new int[] {0, 1, 253, 254, 255, 600, MAX}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            sent.add(message);
            byte[] frame = Framing.encode(message, MAX);
            for (byte b : frame) {
                decoder.accept(new byte[] {b}, 0, 1);
            }
        }
        assertEquals(sent.size(), messages.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), messages.get(i));
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void findsTheNextFrameAfterNoise() {
        Random random = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            byte[] noise = new byte[random.nextInt(3000)];
            random.nextBytes(noise);
            feed(noise);
            feed(Framing.encode(text("after noise " + trial), MAX));
        }
        assertEquals(500, messages.size());
        assertEquals("after noise 499", new String(messages.getLast(), StandardCharsets.UTF_8));
        FrameStats stats = decoder.stats();
        assertEquals(500, stats.frames());
        assertEquals(refused.size(), stats.errors());
    }

    @Test
    void refusesAFrameCutShortAndKeepsTheNext() {
        byte[] frame = Framing.encode(text("the whole of a message that will be cut"), MAX);
        feed(java.util.Arrays.copyOf(frame, frame.length / 2));
        feed(Framing.encode(text("next"), MAX));
        assertEquals(List.of(FrameError.TRUNCATED), refused);
        assertEquals("next", new String(messages.getFirst(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnOversizedFrameAndKeepsTheNext() {
        byte[] flood = new byte[5 * MAX];
        java.util.Arrays.fill(flood, (byte) 0x55);
        feed(flood);
        feed(Framing.encode(text("next"), MAX));
        assertEquals(List.of(FrameError.OVERSIZED), refused);
        assertEquals(1, messages.size());
        byte[] tooLong = new byte[MAX + 1];
        feed(frame(tooLong, tooLong.length, 0));
        assertEquals(FrameError.OVERSIZED, refused.getLast());
    }

    @Test
    void refusesABadCrcAndAWrongLength() {
        byte[] message = text("volume -20");
        long crc = Framing.crc(withLength(message), message.length + 4);
        feed(frame(message, message.length, crc ^ 1));
        feed(frame(message, message.length - 1, crc));
        feed(frame(message, message.length + 1, crc));
        feed(frame(message, message.length, crc));
        assertEquals(List.of(FrameError.BAD_CRC, FrameError.BAD_LENGTH, FrameError.TRUNCATED), refused);
        assertEquals(1, messages.size());
        FrameStats stats = decoder.stats();
        assertEquals(1, stats.badCrc());
        assertEquals(1, stats.badLength());
        assertEquals(1, stats.truncated());
    }

    private void feed(byte[] bytes) {
        decoder.accept(bytes, 0, bytes.length);
    }

    /** A frame with a chosen length field and CRC, to build the broken ones. */
    private static byte[] frame(byte[] message, int lengthField, long crc) {
        ByteBuffer raw = ByteBuffer.allocate(message.length + Framing.OVERHEAD);
        raw.putInt(lengthField).put(message).putInt((int) crc);
        byte[] body = Cobs.encode(raw.array(), 0, raw.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(body);
        out.write(0);
        return out.toByteArray();
    }

    private static byte[] withLength(byte[] message) {
        return ByteBuffer.allocate(message.length + 4).putInt(message.length).put(message).array();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
