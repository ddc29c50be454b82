package org.cabintune.link.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {

    static Stream<Body> everyBody() {
        return Samples.everyBody().stream();
    }

    @Test
    void samplesCoverEveryMessageType() {
        Set<MessageType> covered = Samples.everyBody().stream().map(Body::type).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(MessageType.class), covered);
    }

    @ParameterizedTest
    @MethodSource("everyBody")
    void everyMessageTypeSurvivesEncodeAndDecode(Body body) throws ProtocolException {
        Envelope sent = Samples.envelope("m-1", body);
        Envelope received = MessageCodec.decode(MessageCodec.encode(sent)).envelope();
        assertEquals(sent, received);
    }

    @ParameterizedTest
    @MethodSource("everyBody")
    void encodingIsStableAcrossARoundTrip(Body body) throws ProtocolException {
        byte[] once = MessageCodec.encode(Samples.envelope("m-2", body));
        byte[] twice = MessageCodec.encode(MessageCodec.decode(once).envelope());
        assertArrayEquals(once, twice);
    }

    @Test
    void decodesAHandWrittenMessage() throws ProtocolException {
        Envelope e = decode("""
                {"protocol": 1, "id": "a1", "time": 5, "type": "play-test-signal",
                 "body": {"outputs": [1], "levelDbfs": -20.0, "correction": "on",
                          "signal": {"kind": "sine", "freqHz": 1000}}}""");
        assertEquals(new Command.PlayTestSignal(List.of(1), new TestSignal.Sine(1000), -20, Command.Correction.ON),
                e.body());
        assertNull(e.signature());
        assertNull(e.re());
    }

    static Stream<Arguments> refusals() {
        String ok = "{\"protocol\":1,\"id\":\"a\",\"time\":0,\"type\":\"set-volume\",\"body\":%s}";
        return Stream.of(
                Arguments.of("not json", ErrorCode.MALFORMED_JSON, ""),
                Arguments.of("[1]", ErrorCode.WRONG_TYPE, ""),
                Arguments.of("{\"protocol\":2,\"id\":\"a\"}", ErrorCode.UNSUPPORTED_VERSION, "protocol"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("set-volume", "set-volume-please"),
                        ErrorCode.UNKNOWN_TYPE, "type"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10,\"fade\":1}"), ErrorCode.UNKNOWN_FIELD, "body.fade"),
                Arguments.of(ok.formatted("{}"), ErrorCode.MISSING_FIELD, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":\"-10\"}"), ErrorCode.WRONG_TYPE, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":null}"), ErrorCode.WRONG_TYPE, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":30}"), ErrorCode.OUT_OF_RANGE, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":NaN}"), ErrorCode.MALFORMED_JSON, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":-1e400}"), ErrorCode.OUT_OF_RANGE, "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":-1" + "0".repeat(40) + "}"), ErrorCode.OUT_OF_RANGE,
                        "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10,\"volumeDb\":-11}"), ErrorCode.MALFORMED_JSON,
                        "body.volumeDb"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}") + " {}", ErrorCode.MALFORMED_JSON, ""),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"a\"", "\"" + "a".repeat(65) + "\""),
                        ErrorCode.TOO_LONG, "id"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"time\":0", "\"time\":-1"),
                        ErrorCode.OUT_OF_RANGE, "time"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"time\":0", "\"time\":1.5"),
                        ErrorCode.OUT_OF_RANGE, "time"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"time\":0", "\"time\":\"now\""),
                        ErrorCode.WRONG_TYPE, "time"),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"time\":0", "\"time\":0,\"re\":\"x\""),
                        ErrorCode.INVALID_VALUE, "re"),
                Arguments.of(ok.formatted("[" + "[".repeat(20) + "]".repeat(20) + "]"), ErrorCode.TOO_LARGE, ""),
                Arguments.of(ok.formatted("{\"volumeDb\":-10}").replace("\"id\":\"a\"", "\"id\":\"\\ud800\""),
                        ErrorCode.MALFORMED_JSON, "id"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWithAStableCodeAndTheFieldPath(String json, ErrorCode code, String path) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(json));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.path().startsWith(path), () -> "path " + e.path() + " in " + e.getMessage());
        assertTrue(e.getMessage().startsWith(FieldPath.display(e.path())), e.getMessage());
    }

    @Test
    void aRefusalKnowsTheMessageIdWhenItCouldBeRead() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(
                "{\"protocol\":1,\"id\":\"x-7\",\"time\":0,\"type\":\"set-volume\",\"body\":{\"volumeDb\":99}}"));
        assertEquals("x-7", e.messageId());
        assertEquals("body.volumeDb = 99 is outside -80..12", e.getMessage());
    }

    @Test
    void refusesNonUtf8AndByteOrderMarks() {
        byte[] latin1 = "{\"id\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(ErrorCode.MALFORMED_JSON, assertThrows(ProtocolException.class,
                () -> MessageCodec.decode(latin1)).code());
        assertEquals(ErrorCode.MALFORMED_JSON, assertThrows(ProtocolException.class,
                () -> decode("\uFEFF{}")).code());
    }

    @Test
    void refusesMessagesOverTheSizeLimit() {
        byte[] big = new byte[Limits.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(ProtocolException.class, () -> MessageCodec.decode(big)).code());
    }

    @Test
    void refusesAnUnstableFilterInsideAPutProfileWithItsPathInTheMessage() {
        String profile = """
                {"format": "cabintune.profile/1", "name": "x", "sampleRate": 48000, "inputs": ["L"],
                 "outputs": [{"name": "a", "role": "fullrange", "mix": {"L": 1},
                   "filters": [{"type": "biquad", "b0": 1, "b1": 0, "b2": 0, "a1": 0, "a2": 1.5}]}]}""";
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(
                "{\"protocol\":1,\"id\":\"p\",\"time\":0,\"type\":\"put-profile\",\"body\":{\"profileId\":\"x\","
                        + "\"profile\":" + profile + "}}"));
        assertEquals(ErrorCode.BAD_PROFILE, e.code());
        assertTrue(e.getMessage().startsWith("body.profile.outputs[0].filters[0].a2 = 1.5"), e.getMessage());
    }

    @Test
    void refusesATestSignalWhoseLevelBreaksItsKindsRule() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode("""
                {"protocol": 1, "id": "a1", "time": 5, "type": "play-test-signal",
                 "body": {"outputs": [1], "levelDbfs": -3, "correction": "on", "signal": {"kind": "pink"}}}"""));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertEquals("body.levelDbfs = -3 is outside -120..-10", e.getMessage());
    }

    @Test
    void buildingABadMessageInCodeFailsWithTheSameWords() {
        FieldException e = assertThrows(FieldException.class, () -> new Command.SetVolume(99));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertEquals("volumeDb = 99 is outside -80..12", e.getMessage());
    }

    private static Envelope decode(String json) throws ProtocolException {
        return MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8)).envelope();
    }
}
