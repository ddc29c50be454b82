package org.cabintune.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cabintune.link.command.Caller;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.serial.FrameDecoder;
import org.cabintune.link.serial.FrameError;
import org.cabintune.link.serial.FrameStats;

/**
 * Coverage-guided fuzzing of everything that reads bytes from outside: the message codec, the
 * command dispatcher behind it and the serial frame decoder. Whatever the bytes, the codec
 * either decodes or throws its own {@link ProtocolException}, what it decodes survives a
 * round trip, the dispatcher answers with a valid reply, and the frame decoder throws nothing
 * and accounts for every frame. The normal test run fuzzes for a few seconds; a longer run is
 * described in docs/protocol.md.
 */
class DecoderFuzzTest {

    private static final CommandDispatcher DISPATCHER = dispatcher();
    private static final Caller CALLER = new Caller("fuzz", true, PresenceToken.NONE);

    @FuzzTest(maxDuration = "2s")
    @DictionaryEntries({"\"protocol\"", "\"id\"", "\"time\"", "\"type\"", "\"body\"", "\"re\"", "\"signature\"",
            "\"set-volume\"", "\"volumeDb\"", "\"put-profile\"", "\"profile\"", "\"play-test-signal\"", "\"signal\"",
            "\"kind\"", "\"sweep\"", "\"f1Hz\"", "\"outputs\"", "\"counter\"", "\"key\"", "\"value\"", "1e400",
            "\\ud800", "\"cabintune.profile/1\"", "\"play-media\"", "\"file\"", "\"media-transport\"", "\"action\"",
            "\"audition-ab\"", "\"matchLoudness\"", "\"loop\"", "\"startSeconds\""})
    void decodersRefuseCleanly(byte[] input) {
        checkCodec(input);
        checkDispatcher(input);
        checkFrames(input);
    }

    private static void checkCodec(byte[] input) {
        Envelope decoded;
        try {
            decoded = MessageCodec.decode(input).envelope();
        } catch (ProtocolException e) {
            assertNotNull(e.code());
            return;
        }
        try {
            assertEquals(decoded, MessageCodec.decode(MessageCodec.encode(decoded)).envelope());
        } catch (ProtocolException e) {
            throw new AssertionError("a decoded message does not survive its own encoding: " + e.getMessage(), e);
        }
    }

    private static void checkDispatcher(byte[] input) {
        Envelope reply = DISPATCHER.reply(input, CALLER);
        try {
            assertEquals(reply, MessageCodec.decode(MessageCodec.encode(reply)).envelope());
        } catch (ProtocolException e) {
            throw new AssertionError("the dispatcher's reply is not a valid message: " + e.getMessage(), e);
        }
    }

    private static void checkFrames(byte[] input) {
        int[] counted = new int[2];
        FrameDecoder decoder = new FrameDecoder(Limits.MAX_MESSAGE_BYTES, new FrameDecoder.Listener() {
            @Override
            public void message(byte[] message) {
                counted[0]++;
            }

            @Override
            public void refused(FrameError error, String detail) {
                counted[1]++;
            }
        });
        decoder.accept(input, 0, input.length);
        decoder.accept(new byte[] {0}, 0, 1);
        FrameStats stats = decoder.stats();
        assertEquals(counted[0], stats.frames());
        assertEquals(counted[1], stats.errors());
    }

    private static CommandDispatcher dispatcher() {
        try {
            Path dir = Files.createTempDirectory("link-fuzz");
            dir.toFile().deleteOnExit();
            TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
            return new CommandDispatcher(new RecordingPort(Samples.profile("stereo-fullrange")),
                    TrustStore.open(dir.resolve("trust.json"), clock), clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
