package org.cabintune.link.command;

import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.MessageType;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;

/**
 * What the link asks of the head unit. The head unit implements it; the
 * {@link CommandDispatcher} calls it only with commands that decoded, passed their checks and
 * were authorised, one at a time, never twice for one message id. An implementation refuses
 * what it cannot do now with a {@link PortException} and then leaves its state as it was.
 */
public interface HeadUnitPort {

    /** Who the unit is. */
    Reply.Info info();

    /** What the unit is doing now. */
    Reply.State state();

    /** Switches to a stored profile; {@code unknown-profile} when there is none by that id. */
    void selectProfile(String profileId) throws PortException;

    /** Stores (or replaces) a validated profile under an id. */
    void putProfile(String profileId, Profile profile) throws PortException;

    /** Removes a stored profile; {@code unknown-profile}, or {@code refused} for the one playing. */
    void deleteProfile(String profileId) throws PortException;

    /** Sets the volume; {@code refused} above the unit's maximum volume. */
    void setVolume(double volumeDb) throws PortException;

    void setMute(boolean muted) throws PortException;

    /** Bypasses the cabin correction, or brings it back. */
    void setBypass(boolean bypassed) throws PortException;

    /**
     * Turns night mode on or off (a capped volume and a night compressor on the bus), kept across
     * profile switches.
     */
    void setNight(boolean night) throws PortException;

    /** Plays a test signal; {@code refused} for outputs the unit lacks or levels above its limit. */
    void playTestSignal(Command.PlayTestSignal signal) throws PortException;

    void stopTestSignal() throws PortException;

    /** One meter snapshot. */
    Reply.Meters meters() throws PortException;

    /** Publishes meters every {@code intervalMs}, or stops with 0. */
    void streamMeters(int intervalMs) throws PortException;

    /** Changes the protection limits. */
    void setLimits(ProtectionLimits limits) throws PortException;

    // The audition of masters (docs/audition.md). A unit without a media player refuses them all.

    /** The masters in the media directory. */
    default Reply.Media listMedia() throws PortException {
        throw noMedia(MessageType.LIST_MEDIA);
    }

    /** Plays a master; {@code unknown-media} when there is none by that name. */
    default void playMedia(Command.PlayMedia request) throws PortException {
        throw noMedia(MessageType.PLAY_MEDIA);
    }

    /** Pause, resume, seek, loop, stop looping, stop. */
    default void mediaTransport(Command.MediaTransport request) throws PortException {
        throw noMedia(MessageType.MEDIA_TRANSPORT);
    }

    /** Sets up an A/B of the master playing. */
    default void auditionAb(Command.AuditionAb request) throws PortException {
        throw noMedia(MessageType.AUDITION_AB);
    }

    /** Plays side A or B, or ends the A/B. */
    default void auditionSwitch(Command.Choice side) throws PortException {
        throw noMedia(MessageType.AUDITION_SWITCH);
    }

    /** Previews a platform's normalisation, or (null) stops previewing. */
    default void auditionPreview(Platform platform) throws PortException {
        throw noMedia(MessageType.AUDITION_PREVIEW);
    }

    /** What the audition plays. */
    default Reply.Audition audition() throws PortException {
        throw noMedia(MessageType.GET_AUDITION);
    }

    private static PortException noMedia(MessageType type) {
        return new PortException(ErrorCode.REFUSED, type.word()
                + ": this unit has no media player (cabintune-hu run --media DIR)");
    }
}
