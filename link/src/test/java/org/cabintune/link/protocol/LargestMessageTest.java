package org.cabintune.link.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileValidator;
import org.junit.jupiter.api.Test;

/** The message size limit holds the largest profile the profile format allows, with room. */
class LargestMessageTest {

    @Test
    void theLargestProfileFitsOneMessage() throws Exception {
        Profile largest = largestProfile();
        ProfileValidator.validate(largest);
        Envelope put = Envelope.of("x".repeat(Limits.MAX_ID_CHARS), Limits.MAX_SAFE_INTEGER,
                new Command.PutProfile("p".repeat(Limits.MAX_PROFILE_ID_CHARS), largest));
        byte[] wire = MessageCodec.encode(put.signed(new Signature("0123456789abcdef", Limits.MAX_SAFE_INTEGER,
                "A".repeat(86) + "==")));
        System.out.printf("largest put-profile: %d bytes of %d allowed%n", wire.length, Limits.MAX_MESSAGE_BYTES);
        assertTrue(wire.length < Limits.MAX_MESSAGE_BYTES * 3 / 4, () -> wire.length + " bytes leaves too little room");
        assertEquals(put.body(), MessageCodec.decode(wire).envelope().body());
    }

    @Test
    void theLongestMediaListingFitsOneMessage() throws Exception {
        List<Reply.MediaFile> files = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_MEDIA_FILES; i++) {
            String name = String.format("album %03d/", i) + "t".repeat(Limits.MAX_MEDIA_NAME_CHARS - 14) + ".wav";
            files.add(new Reply.MediaFile(name, Command.MAX_MEDIA_SECONDS - 1.0 / 3, 384000, 32));
        }
        Envelope media = Envelope.reply("x".repeat(Limits.MAX_ID_CHARS), Limits.MAX_SAFE_INTEGER,
                "y".repeat(Limits.MAX_ID_CHARS), new Reply.Media(files, Integer.MAX_VALUE));
        byte[] wire = MessageCodec.encode(media);
        System.out.printf("longest media listing: %d bytes of %d allowed%n", wire.length, Limits.MAX_MESSAGE_BYTES);
        assertTrue(wire.length < Limits.MAX_MESSAGE_BYTES / 2, () -> wire.length + " bytes leaves too little room");
        assertEquals(media.body(), MessageCodec.decode(wire).envelope().body());
    }

    /** 16 outputs of 32 filters, names at their longest, every number with 17 significant digits. */
    static Profile largestProfile() {
        Random random = new Random(1);
        Profile reference = Samples.profile("reference-8ch");
        List<Output> outputs = new ArrayList<>();
        for (int o = 0; o < Limits.MAX_OUTPUTS; o++) {
            List<FilterSpec> filters = new ArrayList<>();
            filters.add(new FilterSpec.HighPass(2000 + random.nextDouble(),
                    new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY)));
            for (int f = 1; f < 32; f++) {
                filters.add(new FilterSpec.Peaking(2500 + 500 * random.nextDouble() * f / 4, 0.5 + 4 * random.nextDouble(),
                        -10 + 12 * random.nextDouble()));
            }
            String name = String.format("out-%02d-", o) + "x".repeat(48 - 7);
            outputs.add(new Output(name, Output.Role.TWEETER, Map.of("L", 0.1 + random.nextDouble() / 2), filters,
                    random.nextDouble() * 19, -random.nextDouble() * 50, o % 2 == 0,
                    new Output.Protect(java.util.OptionalDouble.of(1999 + random.nextDouble()), -random.nextDouble())));
        }
        return new Profile(Profile.FORMAT, "N".repeat(64), 48000, List.of("L", "R"), reference.bus(), outputs);
    }
}
