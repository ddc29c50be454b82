package org.cabintune.link.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalTest {

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "3eb0c6f7a0b5ed8e, 0.0000010000000000000002",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void printsNumbersAsEcmaScriptDoes(String bits, String expected) {
        assertEquals(expected, Canonical.number(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16))));
    }

    @Test
    void matchesTheRfcExampleObject() throws Exception {
        JsonNode input = new ObjectMapper().readTree("""
                {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                 "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals": [null, true, false]}""");
        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", Canonical.of(input));
    }

    @Test
    void signedBytesIgnoreLayoutAndTheSignatureValueButCoverKeyAndCounter() throws Exception {
        String value = "A".repeat(86) + "==";
        byte[] compact = signed("{\"protocol\":1,\"id\":\"a\",\"time\":7,\"type\":\"set-mute\",\"body\":{\"muted\":true},"
                + "\"signature\":{\"key\":\"00000000000000ff\",\"counter\":3,\"value\":\"" + value + "\"}}");
        byte[] spaced = signed("{ \"signature\" : {\"value\":\"" + "B".repeat(86) + "==\", \"counter\": 3.0,"
                + " \"key\":\"00000000000000ff\"},\n \"body\": {\"muted\": true}, \"type\": \"set-mute\","
                + " \"time\": 7, \"id\": \"a\", \"protocol\": 1}");
        assertArrayEquals(compact, spaced);
        assertEquals("{\"body\":{\"muted\":true},\"id\":\"a\",\"protocol\":1,\"signature\":{\"counter\":3,"
                + "\"key\":\"00000000000000ff\"},\"time\":7,\"type\":\"set-mute\"}",
                new String(compact, StandardCharsets.UTF_8));
    }

    @Test
    void aReferenceOutputSignsTheSameWrittenWholeOrWithAFraction() throws Exception {
        String sweep = "{\"protocol\":1,\"id\":\"s\",\"time\":7,\"type\":\"play-test-signal\",\"body\":{"
                + "\"outputs\":[1],\"levelDbfs\":-12,\"correction\":\"on\",\"signal\":{\"kind\":\"sweep\","
                + "\"f1Hz\":20,\"f2Hz\":20000,\"seconds\":3,\"fadeMs\":150.5,\"gapSeconds\":2.2,\"referenceOutput\":%s}},"
                + "\"signature\":{\"key\":\"00000000000000ff\",\"counter\":3,\"value\":\"" + "A".repeat(86) + "==\"}}";
        byte[] whole = signed(sweep.formatted("0"));
        assertArrayEquals(whole, signed(sweep.formatted("0.0")));
        assertTrue(new String(whole, StandardCharsets.UTF_8).contains("\"referenceOutput\":0,\"seconds\":3}"));
        // What the sender signs for the record is what the receiver computes from the wire.
        Envelope decoded = MessageCodec.decode(sweep.formatted("0.0").getBytes(StandardCharsets.UTF_8)).envelope();
        assertArrayEquals(whole, MessageCodec.signedBytes(decoded.unsigned(), "00000000000000ff", 3));
    }

    @Test
    void theSenderComputesTheBytesTheReceiverDoes() throws ProtocolException {
        Envelope unsigned = Samples.envelope("s-1", new Command.SetVolume(-12.25));
        Signature signature = new Signature("0123456789abcdef", 9, "A".repeat(86) + "==");
        byte[] wire = MessageCodec.encode(unsigned.signed(signature));
        assertArrayEquals(MessageCodec.signedBytes(unsigned, "0123456789abcdef", 9),
                MessageCodec.decode(wire).signedBytes());
    }

    private static byte[] signed(String json) throws ProtocolException {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8)).signedBytes();
    }
}
