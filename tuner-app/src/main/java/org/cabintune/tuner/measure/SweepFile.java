package org.cabintune.tuner.measure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavFormatException;
import org.cabintune.dsp.wav.WavReader;
import org.cabintune.dsp.wav.WavWriter;

/**
 * Stimulus files: 32-bit float WAV holding exactly {@link SweepGenerator#render()}, with the
 * parameters in a {@code LIST/INFO/ICMT} chunk after the audio, e.g.
 * {@code cabintune.sweep/1 sampleRate=48000 startHz=10.0 endHz=22800.0 seconds=3.0 levelDbfs=-12.0 markers=true}.
 * WAV readers skip the chunk; {@link #read} uses it to rebuild the generator, and checks that
 * the file's samples are the generator's, so an edited or resampled stimulus is refused instead
 * of silently mis-analysed.
 */
public final class SweepFile {

    /** Tag that starts the parameter comment. */
    public static final String TAG = "cabintune.sweep/1";
    /** Largest difference accepted between the file and the regenerated stimulus (float and Q8.24 rounding). */
    private static final double TOLERANCE = 1e-6;

    private SweepFile() {
    }

    /** The comment that names a spec. */
    static String describe(SweepSpec s) {
        return String.format(Locale.ROOT, "%s sampleRate=%d startHz=%s endHz=%s seconds=%s levelDbfs=%s markers=%s", TAG,
                s.sampleRate(), s.startHz(), s.endHz(), s.seconds(), s.levelDbfs(), s.markers());
    }

    /** Writes the stimulus to {@code out} (through a temporary file, moved into place when complete). */
    public static void write(Path out, SweepSpec spec) throws IOException {
        double[][] x = new SweepGenerator(spec).render();
        int[][] q = new int[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                q[c][i] = Q824.fromDouble(x[c][i]);
            }
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".sweep", ".wav");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 WavWriter w = WavWriter.create(ch, WavFormat.ieeeFloat(spec.sampleRate(), x.length, 32), null, 0)) {
                w.write(q, q[0].length);
            }
            appendComment(tmp, describe(spec));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Appends a LIST/INFO/ICMT chunk and fixes the RIFF size. */
    private static void appendComment(Path file, String text) throws IOException {
        byte[] t = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        int icmt = t.length + (t.length & 1);
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + icmt).order(ByteOrder.LITTLE_ENDIAN);
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + icmt);
        b.put("INFO".getBytes(StandardCharsets.US_ASCII));
        b.put("ICMT".getBytes(StandardCharsets.US_ASCII)).putInt(t.length).put(t);
        b.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long size = ch.size();
            if ((size & 1) == 1) {
                ch.write(ByteBuffer.wrap(new byte[1]), size++);
            }
            ch.write(b, size);
            ByteBuffer riff = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (ch.size() - 8));
            riff.flip();
            ch.write(riff, 4);
        }
    }

    /** Reads a stimulus written by {@link #write}; the message of a failure says what is wrong. */
    public static SweepSpec read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MeasurementException(file + ": no such file");
        }
        String comment = comment(bytes);
        if (comment == null || !comment.startsWith(TAG + " ")) {
            throw new MeasurementException(file + " was not written by 'cabintune sweep' (it has no " + TAG
                    + " tag); write the stimulus with 'cabintune sweep' and play exactly that file");
        }
        SweepSpec spec = parse(comment, file);
        double[][] samples;
        try (WavReader r = WavReader.open(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(bytes)))) {
            samples = r.readAllDouble();
        } catch (WavFormatException e) {
            throw new MeasurementException(file + ": " + e.getMessage());
        }
        double[][] expected = new SweepGenerator(spec).render();
        if (samples.length != expected.length || samples[0].length != expected[0].length) {
            throw new MeasurementException(file + " holds " + samples.length + " channels of " + samples[0].length
                    + " frames, but its tag describes " + expected.length + " of " + expected[0].length);
        }
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                if (Math.abs(samples[c][i] - expected[c][i]) > TOLERANCE) {
                    throw new MeasurementException(file + ": frame " + i + " of channel " + c
                            + " differs from the stimulus its tag describes; the file was changed after it was written");
                }
            }
        }
        return spec;
    }

    static SweepSpec parse(String comment, Path file) {
        Map<String, String> values = new HashMap<>();
        for (String part : comment.substring(TAG.length()).trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            return new SweepSpec(Integer.parseInt(values.get("sampleRate")), Double.parseDouble(values.get("startHz")),
                    Double.parseDouble(values.get("endHz")), Double.parseDouble(values.get("seconds")),
                    Double.parseDouble(values.get("levelDbfs")), Boolean.parseBoolean(values.get("markers")));
        } catch (RuntimeException e) {
            throw new MeasurementException(file + ": damaged " + TAG + " tag '" + comment + "'");
        }
    }

    /** The text of the first LIST/INFO/ICMT sub-chunk of a RIFF/WAVE file, or null. */
    static String comment(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) {
            return null;
        }
        long at = 12;
        while (at + 8 <= b.length) {
            String id = new String(b, (int) at, 4, StandardCharsets.US_ASCII);
            long size = buf.getInt((int) at + 4) & 0xFFFFFFFFL;
            long body = at + 8;
            if (id.equals("LIST") && body + 4 <= b.length
                    && new String(b, (int) body, 4, StandardCharsets.US_ASCII).equals("INFO")) {
                long sub = body + 4;
                long end = Math.min(b.length, body + size);
                while (sub + 8 <= end) {
                    String sid = new String(b, (int) sub, 4, StandardCharsets.US_ASCII);
                    int ssize = buf.getInt((int) sub + 4);
                    if (sid.equals("ICMT") && ssize >= 0 && sub + 8 + ssize <= b.length) {
                        return new String(b, (int) sub + 8, ssize, StandardCharsets.US_ASCII).replace("\0", "").trim();
                    }
                    sub += 8 + ssize + (ssize & 1);
                }
            }
            at = body + size + (size & 1);
        }
        return null;
    }
}
