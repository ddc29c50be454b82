package org.cabintune.link.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.cabintune.dsp.sweep.SweepSpec;
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

    /** A state from a unit without night mode reads as night off; a state always says it when written. */
    @Test
    void aStateWithoutNightReadsAsNightOff() throws ProtocolException {
        Envelope e = decode("""
                {"protocol": 1, "id": "s1", "time": 5, "type": "state", "re": "c1",
                 "body": {"profiles": [], "volumeDb": -20, "muted": false, "bypassed": false, "testSignal": false,
                          "limits": {"maxVolumeDb": 0, "maxTestLevelDbfs": -6}}}""");
        Reply.State state = (Reply.State) e.body();
        assertFalse(state.night());
        assertTrue(new String(MessageCodec.encode(e), StandardCharsets.UTF_8).contains("\"night\":false"));
        ProtocolException wrong = assertThrows(ProtocolException.class, () -> decode("""
                {"protocol": 1, "id": "n1", "time": 5, "type": "set-night", "body": {"night": "on"}}"""));
        assertEquals(ErrorCode.WRONG_TYPE, wrong.code());
        assertEquals("body.night = \"on\" is a string; expected true or false", wrong.getMessage());
    }

    @Test
    void aSweepMayNameTheOutputThatPlaysItsTimingMarkers() throws ProtocolException {
        Envelope e = decode("""
                {"protocol": 1, "id": "a2", "time": 5, "type": "play-test-signal",
                 "body": {"outputs": [1, 2], "levelDbfs": -12, "correction": "on",
                          "signal": {"kind": "sweep", "f1Hz": 20, "f2Hz": 20000, "seconds": 3, "fadeMs": 150.5,
                                     "gapSeconds": 2.2, "referenceOutput": 0.0}}}""");
        TestSignal.Sweep sweep = (TestSignal.Sweep) ((Command.PlayTestSignal) e.body()).signal();
        assertEquals(0, sweep.referenceOutput());
        String wire = new String(MessageCodec.encode(e), StandardCharsets.UTF_8);
        assertTrue(wire.contains("\"referenceOutput\":0}"), wire);
        assertNull(((TestSignal.Sweep) ((Command.PlayTestSignal) Samples.everyBody().get(8)).signal()).referenceOutput());
        assertFalse(new String(MessageCodec.encode(Samples.envelope("m", Samples.everyBody().get(8))),
                StandardCharsets.UTF_8).contains("referenceOutput"), "absent when there is no reference");
    }

    /** The request for a stimulus carries exactly what the unit requires of it: its fade-in and its own gap. */
    @Test
    void aStimulusRequestNamesTheTunersSweepExactly() throws ProtocolException {
        SweepSpec spec = new SweepSpec(48000, 20, 20000, 3, -12, true);
        Command.PlayTestSignal request = Command.PlayTestSignal.stimulus(List.of(1), spec, 0, 0.5, Command.Correction.ON);
        TestSignal.Sweep sweep = (TestSignal.Sweep) request.signal();
        // Half an octave of a 3 s sweep over log2(1000) = 9.97 octaves.
        assertEquals(1000 * 3 * 0.5 / (Math.log(1000) / Math.log(2)), sweep.fadeMs(), 1e-9);
        // lead 0.25 + marker A 0.1 + gap 0.5 + tail 1 + marker B 0.1 + end 0.25, and the pause.
        assertEquals(2.2 + 0.5, sweep.gapSeconds(), 1e-12);
        assertEquals(0, sweep.referenceOutput());
        assertEquals(-12, request.levelDbfs());
        assertEquals(1.25, TestSignal.Sweep.ownGapSeconds(new SweepSpec(44100, 20, 20000, 3, -12, false)), 1e-12);
        Envelope sent = Samples.envelope("m-3", request);
        assertEquals(sent, MessageCodec.decode(MessageCodec.encode(sent)).envelope());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSignal.Sweep.of(spec, 0, null));
        assertTrue(e.getMessage().startsWith("referenceOutput = null but spec.markers = true"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TestSignal.Sweep.of(new SweepSpec(48000, 20, 20000, 3, -12, false), 0, 1));
    }

    static Stream<Arguments> referenceRefusals() {
        return Stream.of(
                Arguments.of("16", ErrorCode.OUT_OF_RANGE, "body.signal.referenceOutput = 16 is outside 0..15"),
                Arguments.of("-1", ErrorCode.OUT_OF_RANGE, "body.signal.referenceOutput = -1 is outside 0..15"),
                Arguments.of("1.5", ErrorCode.OUT_OF_RANGE, "body.signal.referenceOutput = 1.5 is not a whole number"),
                Arguments.of("\"0\"", ErrorCode.WRONG_TYPE,
                        "body.signal.referenceOutput = \"0\" is a string; expected a whole number"),
                Arguments.of("null", ErrorCode.WRONG_TYPE, "body.signal.referenceOutput is null"),
                Arguments.of("true", ErrorCode.WRONG_TYPE, "body.signal.referenceOutput = true is a boolean"));
    }

    @ParameterizedTest
    @MethodSource("referenceRefusals")
    void refusesAReferenceOutputThatIsNoOutputIndex(String value, ErrorCode code, String start) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode("""
                {"protocol": 1, "id": "a3", "time": 5, "type": "play-test-signal",
                 "body": {"outputs": [1], "levelDbfs": -12, "correction": "on",
                          "signal": {"kind": "sweep", "f1Hz": 20, "f2Hz": 20000, "seconds": 3, "fadeMs": 150.5,
                                     "gapSeconds": 2.2, "referenceOutput": %s}}}""".formatted(value)));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals("body.signal.referenceOutput", e.path());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        FieldException inCode = assertThrows(FieldException.class,
                () -> new TestSignal.Sweep(20, 20000, 3, 150.5, 2.2, 16));
        assertEquals("referenceOutput = 16 is outside 0..15", inCode.getMessage());
    }

    @Test
    void metersCarryTheProgrammesLoudnessAndTheLoadOnlyWhenTheUnitSendsThem() throws ProtocolException {
        Reply.Meters levelsOnly = (Reply.Meters) decode("""
                {"protocol": 1, "id": "a4", "time": 5, "re": "c1", "type": "meters",
                 "body": {"sequence": 3, "outputs": [{"peakDbfs": -6, "rmsDbfs": -18}]}}""").body();
        assertNull(levelsOnly.programme());
        assertNull(levelsOnly.dspLoad());
        Reply.Meters all = (Reply.Meters) decode("""
                {"protocol": 1, "id": "a5", "time": 5, "re": "c1", "type": "meters",
                 "body": {"sequence": 4, "outputs": [], "dspLoad": 0.25,
                          "programme": {"momentaryLufs": -14, "shortTermLufs": -15, "integratedLufs": -200,
                                        "truePeakDbtp": -1.5}}}""").body();
        assertEquals(new Reply.Programme(-14, -15, -200, -1.5), all.programme());
        assertEquals(0.25, all.dspLoad());
        ProtocolException unknown = assertThrows(ProtocolException.class, () -> decode("""
                {"protocol": 1, "id": "a6", "time": 5, "re": "c1", "type": "meters",
                 "body": {"sequence": 4, "outputs": [],
                          "programme": {"momentaryLufs": -14, "shortTermLufs": -15, "integratedLufs": -16,
                                        "truePeakDbtp": -1.5, "loudnessRange": 3}}}"""));
        assertEquals(ErrorCode.UNKNOWN_FIELD, unknown.code());
        assertEquals("body.programme.loudnessRange", unknown.path());
        ProtocolException load = assertThrows(ProtocolException.class, () -> decode("""
                {"protocol": 1, "id": "a7", "time": 5, "re": "c1", "type": "meters",
                 "body": {"sequence": 4, "outputs": [], "dspLoad": -0.5}}"""));
        assertEquals(ErrorCode.OUT_OF_RANGE, load.code(), load.getMessage());
        assertEquals("body.dspLoad", load.path());
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
