package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;

import java.io.IOException;
import java.nio.file.Path;

/** Profiles and boards the store tests share. */
public final class StoreProfiles {

    /** Two full-range doors: the stereo boards' speakers. */
    static final Path STEREO_BOARD = Path.of("..", "board-configs", "usb-dac.yaml");

    private StoreProfiles() {
    }

    /**
     * A profile for the stereo boards named {@code name}, its outputs at {@code gainDb}: it keeps
     * the boards' limits (60 Hz highpass, -1 dBTP), so the board adds nothing.
     */
    public static Profile stereo(String name, double gainDb) {
        return parse("""
                {"format": "cabintune.profile/1", "name": "%s", "sampleRate": 48000, "inputs": ["L", "R"],
                 "outputs": [
                   {"name": "front-left", "role": "fullrange", "mix": {"L": 1.0}, "gainDb": %s,
                    "filters": [{"type": "highpass", "freqHz": 60, "order": 2}], "protect": {"ceilingDbtp": -1}},
                   {"name": "front-right", "role": "fullrange", "mix": {"R": 1.0}, "gainDb": %s,
                    "filters": [{"type": "highpass", "freqHz": 60, "order": 2}], "protect": {"ceilingDbtp": -1}}
                 ]}""".formatted(name, gainDb, gainDb));
    }

    /** A valid profile that no stereo board has speakers for. */
    static Profile forAnotherCar(String name) {
        return parse("""
                {"format": "cabintune.profile/1", "name": "%s", "sampleRate": 48000, "inputs": ["L", "R"],
                 "outputs": [{"name": "dash-centre", "role": "fullrange", "mix": {"L": 0.5, "R": 0.5}}]}""".formatted(name));
    }

    public static BoardConfig stereoBoard() {
        try {
            return BoardLoader.load(STEREO_BOARD);
        } catch (IOException | BoardConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Profile parse(String json) {
        try {
            return ProfileParser.parse(json);
        } catch (ProfileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
