package org.cabintune.dsp.testing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The sample rates every block is tested at, and a helper to cross them with cases for
 * {@code @MethodSource}. A plain sample-rate test uses {@link AcrossSampleRates}.
 */
public final class SampleRates {

    /** CD sources. */
    public static final int CD = 44_100;
    /** The head unit's default rate. */
    public static final int DEFAULT = 48_000;
    /** Hi-res DACs. */
    public static final int HI_RES = 96_000;
    /** All of them, in rising order. */
    public static final List<Integer> ALL = List.of(CD, DEFAULT, HI_RES);

    private SampleRates() {
    }

    /** Every sample rate paired with every case: arguments {@code (int rate, case...)}. */
    public static Stream<Arguments> crossedWith(Object... cases) {
        return ALL.stream().flatMap(rate -> Arrays.stream(cases).map(c -> c instanceof Object[] a
                ? Arguments.of(prepend(rate, a)) : Arguments.of(rate, c)));
    }

    private static Object[] prepend(int rate, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = rate;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
