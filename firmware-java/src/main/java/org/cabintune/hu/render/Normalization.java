package org.cabintune.hu.render;

import org.cabintune.dsp.flac.FlacFormatException;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.loudness.StaticNormalization;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.dsp.wav.WavFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The render's loudness normalisation: the command line's {@code --normalize} and {@code --target}
 * laid over the profile, and, for static normalisation, the programme measured first with the
 * head unit's own loudness meter (one track, or several files as one album).
 */
final class Normalization {

    /** The modes the command line takes; album scope comes from {@code --album}. */
    static final List<String> MODES = List.of("off", "static", "auto");

    private Normalization() {
    }

    /**
     * The profile with its {@code bus.normalize} set from the command line: the mode (tuning the
     * new mode does not read goes back to its defaults) and the target. Both null: unchanged.
     */
    static Profile override(Profile profile, String mode, Double targetLufs) throws RenderException {
        if (mode == null && targetLufs == null) {
            return profile;
        }
        Bus.Normalize current = profile.bus().normalize().orElse(Bus.Normalize.DEFAULT);
        Bus.Normalize.Mode newMode = current.mode();
        if (mode != null) {
            if (!MODES.contains(mode)) {
                throw new RenderException("--normalize = " + mode + " is not one of " + String.join(", ", MODES));
            }
            newMode = Bus.Normalize.Mode.fromJsonName(mode).orElseThrow();
        } else if (profile.bus().normalize().isEmpty() || current.mode() == Bus.Normalize.Mode.OFF) {
            throw new RenderException("--target needs --normalize static or auto, or a profile whose bus.normalize is on");
        }
        Bus.Normalize normalize = current.switchedTo(newMode);
        if (targetLufs != null) {
            normalize = normalize.withTargetLufs(targetLufs);
        }
        Bus bus = profile.bus();
        Profile changed = new Profile(profile.format(), profile.name(), profile.sampleRate(), profile.inputs(),
                new Bus(bus.preampDb(), Optional.of(normalize), bus.multiband(), bus.limiter(), bus.loudnessCompensation()),
                profile.outputs());
        try {
            ProfileValidator.validate(changed);
        } catch (ProfileException e) {
            throw new RenderException("--normalize/--target: " + e.getMessage());
        }
        return changed;
    }

    /** Measures files one after another as one programme (an album): integrated loudness and true peak. */
    static ProgrammeLoudness measure(List<Path> files, Profile profile) throws IOException, RenderException {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(profile.sampleRate(), profile.inputs().size()));
        for (Path file : files) {
            try (InputFiles.Input input = InputFiles.open(file, profile)) {
                ProgrammeLoudness.feed(meter, input.reader());
            } catch (WavFormatException | FlacFormatException e) {
                throw new RenderException("input " + file + ": " + e.getMessage());
            }
        }
        return ProgrammeLoudness.of(meter.readings());
    }

    /** Measures the demo programme. */
    static ProgrammeLoudness measure(DemoProgramme programme, int channels, int sampleRate, int block) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(sampleRate, channels));
        int[][] buffer = new int[channels][block];
        int n;
        while ((n = programme.read(buffer, block)) > 0) {
            meter.process(buffer, n);
        }
        return ProgrammeLoudness.of(meter.readings());
    }

    /** One line on what was measured and the gain it gives. */
    static String describe(Profile profile, ProgrammeLoudness programme, int files) {
        Bus.Normalize normalize = profile.bus().normalize().orElseThrow();
        StaticNormalization.Result r = StaticNormalization.gain(normalize, profile.bus().preampDb(),
                profile.bus().limiter().isPresent(), programme);
        String measured = String.format(Locale.ROOT, "measured %.1f LUFS, %.1f dBTP%s", programme.integratedLufs(),
                programme.truePeakDbtp(), files > 1 ? " over " + files + " files (album)" : "");
        return String.format(Locale.ROOT, "normalize: %s; gain %+.1f dB towards %.1f LUFS", measured, r.gainDb(),
                normalize.targetLufs());
    }
}
