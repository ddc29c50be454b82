package org.cabintune.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the biquad kernel: how fast this CPU and JIT issue the multiplies a section
 * needs, in nanoseconds per product, with four independent sums so that latency does not
 * count. The kernel makes five 128-bit products per section and sample ({@link Math#multiplyHigh}
 * of a Q5.59 coefficient and a pre-shifted operand), so five times {@link #multiplyHigh} is the
 * least a section-sample can cost with that arithmetic, whatever the loop around it.
 * {@link #multiplyIntByInt} (a 32 x 32 -> 64-bit product, which the JIT vectorises) shows what
 * an arithmetic of 32-bit words would start from.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultiplyBenchmark {

    static final int PRODUCTS = 1024;

    private long[] operands;
    private int[] ints;
    private int[] intCoefficients;
    private long[] products;
    private long coefficient;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(1);
        operands = new long[PRODUCTS];
        ints = new int[PRODUCTS];
        intCoefficients = new int[PRODUCTS];
        products = new long[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            operands[i] = random.nextLong();
            ints[i] = random.nextInt();
            intCoefficients[i] = random.nextInt();
        }
        coefficient = random.nextLong();
    }

    /** The high half of a 128-bit product: ns per product. */
    @Benchmark
    @OperationsPerInvocation(PRODUCTS)
    public long multiplyHigh() {
        long[] x = operands;
        long c = coefficient;
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        for (int i = 0; i < PRODUCTS; i += 4) {
            s0 += Math.multiplyHigh(x[i], c);
            s1 += Math.multiplyHigh(x[i + 1], c);
            s2 += Math.multiplyHigh(x[i + 2], c);
            s3 += Math.multiplyHigh(x[i + 3], c);
        }
        return s0 + s1 + s2 + s3;
    }

    /** Full 32 x 32 -> 64-bit products, element by element: ns per product. */
    @Benchmark
    @OperationsPerInvocation(PRODUCTS)
    public long[] multiplyIntByInt() {
        int[] x = ints;
        int[] c = intCoefficients;
        long[] p = products;
        for (int i = 0; i < PRODUCTS; i++) {
            p[i] = (long) x[i] * c[i];
        }
        return p;
    }
}
