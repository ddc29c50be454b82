package org.cabintune.hu.run;

import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.hu.board.BoardConfig;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * At which rate the stream runs when it plays a file: the file's own, when the DAC runs at it
 * and the profile is valid at it (no resampling, bit for bit), otherwise the board's, with the
 * file resampled as it plays. Either way the file never plays at the wrong speed. Sources other
 * than files run at the board's rate.
 *
 * @param board   the board, its {@code stream.sampleRate} the rate to run at
 * @param profile the profile, its {@code sampleRate} the same
 * @param note    what was decided and why, for the user; null when nothing needed deciding
 */
record RatePlan(BoardConfig board, Profile profile, String note) {

    /** Decides for a source spec; an unreadable file is left for the player to report. */
    static RatePlan choose(BoardConfig board, Profile profile, String sourceSpec) {
        if (!sourceSpec.startsWith("file:")) {
            return new RatePlan(board, profile, null);
        }
        int fileRate;
        try (FileChannel in = FileChannel.open(Path.of(sourceSpec.substring(5)));
             AudioReader reader = AudioFiles.open(in)) {
            fileRate = reader.sampleRate();
        } catch (IOException | RuntimeException e) {
            return new RatePlan(board, profile, null);
        }
        int boardRate = board.stream().sampleRate();
        if (fileRate == boardRate) {
            return new RatePlan(board, profile, null);
        }
        String against = againstSwitching(board, profile, fileRate);
        if (against == null) {
            return new RatePlan(atRate(board, fileRate), atRate(profile, fileRate), "the file is " + fileRate
                    + " Hz: the DAC runs at " + fileRate + " Hz for it and the profile is compiled for that rate (no resampling)");
        }
        return new RatePlan(board, profile, "the file is " + fileRate + " Hz: resampled to " + boardRate + " Hz as it plays, because "
                + against);
    }

    /** Why the stream cannot run at the file's rate, or null when it can. */
    private static String againstSwitching(BoardConfig board, Profile profile, int rate) {
        if (!board.dac().sampleRates().contains(rate)) {
            return "the DAC does not run at " + rate + " Hz (dac.sampleRates: " + board.dac().sampleRates() + ")";
        }
        if (!ProfileValidator.SAMPLE_RATES.contains(rate)) {
            return "profiles run at " + ProfileValidator.SAMPLE_RATES + " Hz only";
        }
        try {
            ProfileValidator.validate(atRate(profile, rate));
        } catch (ProfileException e) {
            return "the profile is not valid at " + rate + " Hz: " + e.getMessage().lines().findFirst().orElse("");
        }
        return null;
    }

    private static Profile atRate(Profile p, int rate) {
        return new Profile(p.format(), p.name(), rate, p.inputs(), p.bus(), p.outputs());
    }

    private static BoardConfig atRate(BoardConfig b, int rate) {
        BoardConfig.Stream s = b.stream();
        return b.withStream(new BoardConfig.Stream(s.sink(), s.wavPath(), s.source(), rate, s.format(),
                s.periodFrames(), s.periods(), s.realtimePriority(), s.nice(), s.dither()));
    }
}
