package org.cabintune.dsp.gain;

import java.util.List;
import org.cabintune.dsp.ParamChecks;

/**
 * Parameters of a {@link Polarity}: whether each channel is inverted.
 *
 * @param inverted one flag per channel, 1 .. {@link ParamChecks#MAX_CHANNELS} channels
 */
public record PolarityParams(List<Boolean> inverted) {

    /** Validates and copies the list. */
    public PolarityParams {
        inverted = ParamChecks.channelList("inverted", inverted);
    }

    /** One flag per channel. */
    public static PolarityParams of(boolean... inverted) {
        Boolean[] boxed = new Boolean[inverted.length];
        for (int i = 0; i < inverted.length; i++) {
            boxed[i] = inverted[i];
        }
        return new PolarityParams(List.of(boxed));
    }

    /** Number of channels. */
    public int channels() {
        return inverted.size();
    }
}
