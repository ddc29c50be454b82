package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.cabintune.tuner.audio.SoundCardMicrophone;
import org.cabintune.tuner.audio.StreamCapture;
import org.cabintune.tuner.audio.SweepFiles;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.calibrate.RenderedUnit;
import org.cabintune.tuner.calibrate.VirtualCar;

/**
 * A virtual car heard through a sound card's bytes, for a {@link SoundCardMicrophone} without a
 * sound card: each take, what the car hears at the seat's centre of what the rendered unit plays
 * comes as 24-bit little-endian mono PCM through Java Sound's {@code AudioInputStream}, read by
 * the microphone's own {@link StreamCapture}, frame reader and recording thread. Until the unit
 * has played the take, a read waits, as a capture line's read waits for the converter.
 */
final class CarThroughSoundCard {

    /** The longest a take waits for the unit to play it (a failed take never plays). */
    private static final long WAIT_MILLIS = 30_000;
    private static final int BITS = 24;

    private CarThroughSoundCard() {
    }

    /** Opens each take of the microphone on {@code cabin}, listening to {@code unit} at {@code seat}. */
    static SoundCardMicrophone.Opener opener(RenderedUnit unit, CabinSpec cabin, String seat) {
        VirtualCar car = new VirtualCar(cabin, unit, seat, 1, 17);
        AudioFormat format = new AudioFormat(unit.sampleRate(), BITS, 1, true, false);
        return () -> {
            long before = unit.frames();
            car.start(0);
            return new StreamCapture(new AudioInputStream(new Take(unit, car, before), format, AudioSystem.NOT_SPECIFIED),
                    "the virtual " + cabin.name() + " through 24-bit PCM");
        };
    }

    /** One take's bytes, made once the unit has played past {@code before}. */
    private static final class Take extends InputStream {

        private final RenderedUnit unit;
        private final VirtualCar car;
        private final long before;
        private byte[] bytes;
        private int at;

        Take(RenderedUnit unit, VirtualCar car, long before) {
            this.unit = unit;
            this.car = car;
            this.before = before;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (bytes == null) {
                bytes = heard();
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        private byte[] heard() throws IOException {
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            while (unit.frames() <= before) {
                if (System.nanoTime() > deadline) {
                    return new byte[0];
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the unit played", e);
                }
            }
            double[] x = car.stop().getFirst();
            byte[] out = new byte[x.length * BITS / 8];
            for (int i = 0; i < x.length; i++) {
                int w = SweepFiles.word(x[i], BITS);
                for (int k = 0; k < BITS / 8; k++) {
                    out[i * 3 + k] = (byte) (w >> (8 * k));
                }
            }
            return out;
        }
    }
}
