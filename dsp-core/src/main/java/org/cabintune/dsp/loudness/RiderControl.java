package org.cabintune.dsp.loudness;

/**
 * The decisions of the level rider, shared by {@link LevelRider} and its twin so that the two
 * differ only in the signal path: once per 100 ms block, from the block's channel-weighted
 * K-weighted mean square, a new gain.
 *
 * <ul>
 *   <li><b>Gate.</b> A block quieter than {@code gateLufs} (silence, a pause, the noise between
 *       stations) changes nothing: estimate and gain stay where they are, so a long pause does
 *       not make the gain climb.</li>
 *   <li><b>Estimate.</b> The programme's mean square, smoothed by a one-pole filter with time
 *       constant {@code windowS}: {@code e += a (p - e)}, {@code a = 1 - exp(-0.1 / windowS)}.
 *       Until {@code windowS} of programme has passed, {@code a} is {@code 1/n} for the
 *       {@code n}-th ungated block, the plain mean so far: the first estimate is the programme
 *       itself, not a start value the filter would take a long time to forget. Smoothing in
 *       power (not dB) makes the estimate the loudness of the mix over the window, as BS.1770
 *       measures it, so loud and quiet phrases weigh as the ear weighs them.</li>
 *   <li><b>Gain.</b> {@code target - loudness(e)}, held to {@code -maxCutDb .. +maxBoostDb},
 *       approached by at most {@code speedDbPerS / 10} dB per block. The long window is what
 *       keeps it from pumping; the speed limit bounds how fast a change of programme is followed.</li>
 * </ul>
 * Double arithmetic ten times a second, no allocation.
 */
final class RiderControl {

    private final double targetLufs;
    private final double maxBoostDb;
    private final double maxCutDb;
    private final double gateLufs;
    private final double alpha;
    private final double stepDb;
    private double estimate;
    private long blocks;
    private double gainDb;

    RiderControl(RiderParams params) {
        targetLufs = params.targetLufs();
        maxBoostDb = params.maxBoostDb();
        maxCutDb = params.maxCutDb();
        gateLufs = params.gateLufs();
        double blockSeconds = 1.0 / RiderParams.BLOCKS_PER_SECOND;
        alpha = -Math.expm1(-blockSeconds / params.windowS());
        stepDb = params.speedDbPerS() * blockSeconds;
    }

    /** Takes one block's channel-weighted mean square (full-scale units) and moves the gain. */
    void block(double meanSquare) {
        double lufs = Loudness.lufs(meanSquare);
        if (!(lufs >= gateLufs)) {
            return;
        }
        blocks++;
        estimate += Math.max(1.0 / blocks, alpha) * (meanSquare - estimate);
        double wanted = Math.clamp(targetLufs - Loudness.lufs(estimate), -maxCutDb, maxBoostDb);
        gainDb += Math.clamp(wanted - gainDb, -stepDb, stepDb);
    }

    /** The gain the next block ramps to, dB. */
    double gainDb() {
        return gainDb;
    }

    /** The programme loudness estimate, LUFS; {@code -inf} before the first ungated block. */
    double estimateLufs() {
        return Loudness.lufs(estimate);
    }

    void reset() {
        estimate = 0;
        blocks = 0;
        gainDb = 0;
    }
}
