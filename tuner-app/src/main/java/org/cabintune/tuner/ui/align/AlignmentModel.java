package org.cabintune.tuner.ui.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.design.PathLength;

/**
 * Time alignment without Swing: each speaker's delay in milliseconds and as path length in
 * centimetres ({@link PathLength}, at the model's speed of sound), editable in either, held to
 * the head unit's 0 .. {@value DelayParams#MAX_MS} ms. It starts from a profile's delays or from
 * a virtual car's seat: there every speaker waits for the one that arrives last at the seat's
 * head centre, its arrival read from the car's true response as a measurement reads its own
 * ({@link VirtualCabin#arrivalSeconds}; speakers' own roll-offs included, the correction's
 * crossovers not). Not thread-safe: one thread edits.
 */
public final class AlignmentModel {

    /** The microphone position arrivals are read at: the head's centre. */
    static final String CENTRE_MIC = "center";

    /**
     * One speaker.
     *
     * @param name       the speaker's or output's name
     * @param pathMetres its distance to the seat's head centre, NaN when unknown
     * @param delayMs    its delay
     */
    public record Row(String name, double pathMetres, double delayMs) {
        public Row {
            Objects.requireNonNull(name, "name");
        }
    }

    private final String source;
    private final double speedOfSound;
    private final int sampleRate;
    private final List<Row> rows;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param source       what the rows come from, for titles
     * @param speedOfSound m/s, 300 .. 360
     * @param sampleRate   the rate the delays run at, for their length in samples
     */
    public AlignmentModel(String source, double speedOfSound, int sampleRate, List<Row> rows) {
        this.source = Objects.requireNonNull(source, "source");
        this.speedOfSound = ParamChecks.inRange("speedOfSound", speedOfSound, 300, 360, "m/s");
        this.sampleRate = ParamChecks.sampleRate(sampleRate);
        this.rows = new ArrayList<>(rows);
        for (Row r : rows) {
            checkDelay(r.name(), r.delayMs());
        }
    }

    /** The delays of a profile's outputs, at the design's speed of sound. */
    public static AlignmentModel of(Profile profile) {
        List<Row> rows = profile.outputs().stream().map(o -> new Row(o.name(), Double.NaN, o.delayMs())).toList();
        return new AlignmentModel("profile " + profile.name(), PathLength.SPEED_OF_SOUND, profile.sampleRate(), rows);
    }

    /** Every speaker of a virtual car delayed to arrive with the last one at {@code seat}, at the car's speed of sound. */
    public static AlignmentModel of(CabinSpec cabin, String seat, int sampleRate) {
        CabinSpec.Seat s = cabin.seat(seat);
        VirtualCabin car = new VirtualCabin(cabin, sampleRate);
        double[] arrivals = cabin.speakers().stream().mapToDouble(sp -> car.arrivalSeconds(sp.name(), seat, CENTRE_MIC))
                .toArray();
        double last = java.util.Arrays.stream(arrivals).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < arrivals.length; i++) {
            CabinSpec.Speaker sp = cabin.speakers().get(i);
            rows.add(new Row(sp.name(), distance(sp.position(), s.head()), (last - arrivals[i]) * 1000));
        }
        return new AlignmentModel(cabin.name() + ", " + seat + " seat", cabin.speedOfSound(), sampleRate, rows);
    }

    private static double distance(CabinSpec.Vec a, CabinSpec.Vec b) {
        return Math.sqrt((a.x() - b.x()) * (a.x() - b.x()) + (a.y() - b.y()) * (a.y() - b.y()) + (a.z() - b.z()) * (a.z() - b.z()));
    }

    public String source() {
        return source;
    }

    public double speedOfSound() {
        return speedOfSound;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Row {@code i}'s delay as path length, cm. */
    public double cm(int i) {
        return PathLength.cm(rows.get(i).delayMs(), speedOfSound);
    }

    /** Row {@code i}'s delay in samples at the model's rate. */
    public double samples(int i) {
        return rows.get(i).delayMs() * sampleRate / 1000;
    }

    /** Sets row {@code i}'s delay; out of range is refused naming the speaker and the range. */
    public void setDelayMs(int i, double ms) {
        Row r = rows.get(i);
        checkDelay(r.name(), ms);
        rows.set(i, new Row(r.name(), r.pathMetres(), ms));
        listeners.forEach(Runnable::run);
    }

    /** Sets row {@code i}'s delay as path length. */
    public void setDelayCm(int i, double cm) {
        setDelayMs(i, PathLength.ms(cm, speedOfSound));
    }

    /** Called after every change. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * {@code profile} with the delays of the outputs named as rows set to theirs; every other
     * field stays. Refused when no output has a row's name.
     */
    public Profile applyTo(Profile profile) {
        List<Output> outputs = new ArrayList<>();
        int matched = 0;
        for (Output o : profile.outputs()) {
            Row r = rows.stream().filter(x -> x.name().equals(o.name())).findFirst().orElse(null);
            if (r == null) {
                outputs.add(o);
                continue;
            }
            matched++;
            outputs.add(new Output(o.name(), o.role(), o.mix(), o.filters(), r.delayMs(), o.gainDb(), o.invert(), o.protect()));
        }
        if (matched == 0) {
            throw new IllegalArgumentException("no output of profile '" + profile.name() + "' is named as a speaker here ("
                    + String.join(", ", rows.stream().map(Row::name).toList()) + ")");
        }
        return new Profile(profile.format(), profile.name(), profile.sampleRate(), profile.inputs(), profile.bus(), outputs);
    }

    private static void checkDelay(String name, double ms) {
        ParamChecks.inRange(name + " delayMs", ms, 0, DelayParams.MAX_MS, "ms");
    }
}
