package org.cabintune.hu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.remote.RemoteRig;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.MessageType;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.TestSignal;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver's page's HTTP endpoints against a running unit: a real engine playing a sine
 * through a real profile store, driven over real HTTP. Each test leaves the unit as Driver at
 * -20 dB, unmuted, night off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverPageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final double VOLUME_DB = -20;

    private WebRig rig;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        rig = new WebRig(dir);
    }

    @AfterAll
    void stop() throws Exception {
        rig.close();
    }

    /** Back to Driver at -20 dB, unmuted, night off, whatever a failed test left. */
    @BeforeEach
    void driverAtMinus20() throws Exception {
        HeadUnitRemote unit = rig.unit.unit;
        unit.setNight(false);
        unit.setMute(false);
        unit.setVolume(VOLUME_DB);
        unit.selectProfile("driver");
    }

    @Test
    void servesThePageWithItsRulesOnEveryAnswer() throws Exception {
        HttpResponse<String> page = rig.get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"), page.body());
        assertEquals(PageGuard.CSP, page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(rig.get("/app.js").headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(rig.get("/style.css").headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        HttpResponse<String> state = rig.get("/api/state");
        assertEquals(200, state.statusCode());
        assertEquals(PageGuard.CSP, state.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("no-store", state.headers().firstValue("Cache-Control").orElseThrow());
        for (HttpResponse<String> r : new HttpResponse[] {page, state}) {
            assertTrue(r.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control")),
                    "no CORS header: " + r.headers().map());
        }
        HttpResponse<String> missing = rig.get("/../etc/passwd");
        assertEquals(404, missing.statusCode());
        assertEquals("not-found", WebRig.json(missing).get("error").get("code").asText());
    }

    /**
     * The page's state is the protocol's: the same profile, volume, mute and night mode a tuner
     * reads with get-state, and the programme's loudness from the meters (the -20 dBFS sine reads
     * -20 LUFS).
     */
    @Test
    void theStateIsTheUnitsAndTheLoudnessTheMeters() throws Exception {
        // 3 s of the sine alone fill the short-term window (another test may have played a test signal).
        Await.until(() -> rig.unit.unit.meterSnapshot().seconds() > 3.2
                && Math.abs(rig.unit.unit.meterSnapshot().shortTermLufs() - RemoteRig.SINE_DBFS) < 0.05,
                "3 s of the sine for the short-term loudness", TIMEOUT);
        JsonNode state = WebRig.json(rig.get("/api/state"));
        assertEquals("driver", state.get("profile").get("id").asText());
        assertEquals("Driver", state.get("profile").get("name").asText());
        assertEquals(2, state.get("profiles").size());
        assertEquals("night", state.get("profiles").get(1).get("id").asText());
        assertEquals(VOLUME_DB, state.get("volumeDb").asDouble());
        assertEquals(-80, state.get("minVolumeDb").asDouble());
        assertEquals(0, state.get("maxVolumeDb").asDouble());
        assertFalse(state.get("muted").asBoolean());
        assertFalse(state.get("night").asBoolean());
        assertEquals("sine", state.get("source").asText());
        assertEquals(RemoteRig.SINE_DBFS, state.get("loudness").get("momentaryLufs").asDouble(), 0.1);
        assertEquals(RemoteRig.SINE_DBFS, state.get("loudness").get("shortTermLufs").asDouble(), 0.1);
    }

    @Test
    void selectsAProfileAndTheOutputFollows() throws Exception {
        HttpResponse<String> night = rig.post("/api/profile", "{\"profileId\": \"night\"}");
        assertEquals(200, night.statusCode(), night.body());
        assertEquals("Night", WebRig.json(night).get("profile").get("name").asText());
        assertEquals("Night", rig.unit.unit.playingName());
        outputSettlesAt(RemoteRig.expectedRms(RemoteRig.NIGHT_DB + VOLUME_DB));
        assertEquals(200, rig.post("/api/profile", "{\"profileId\": \"driver\"}").statusCode());
        Await.until(() -> rig.unit.unit.playingName().equals("Driver"), "Driver plays again", TIMEOUT);
        assertEquals(0, rig.unit.audioAllocated(), "the audio thread allocated nothing");
    }

    @Test
    void volumeAndMuteReachTheEngine() throws Exception {
        JsonNode louder = WebRig.json(rig.post("/api/volume", "{\"volumeDb\": -6.5}"));
        assertEquals(-6.5, louder.get("volumeDb").asDouble());
        assertEquals(-6.5, rig.unit.unit.state().volumeDb());
        outputSettlesAt(RemoteRig.expectedRms(-6.5));
        assertTrue(WebRig.json(rig.post("/api/mute", "{\"muted\": true}")).get("muted").asBoolean());
        Await.until(() -> rig.unit.outputRmsDbfs() < -120, "the output falls silent", TIMEOUT);
        assertFalse(WebRig.json(rig.post("/api/mute", "{\"muted\": false}")).get("muted").asBoolean());
    }

    /**
     * Night mode: the volume above the ceiling comes down to it, the ceiling holds for later
     * requests, get-state over the link reports it, it stays on across profile switches, and
     * turning it off leaves the volume alone.
     */
    @Test
    void nightModeCapsTheVolumeAndIsPartOfTheState() throws Exception {
        assertEquals(200, rig.post("/api/volume", "{\"volumeDb\": -3}").statusCode());
        JsonNode night = WebRig.json(rig.post("/api/night", "{\"night\": true}"));
        assertTrue(night.get("night").asBoolean());
        assertEquals(HeadUnitRemote.NIGHT_MAX_VOLUME_DB, night.get("volumeDb").asDouble());
        assertEquals(HeadUnitRemote.NIGHT_MAX_VOLUME_DB, night.get("maxVolumeDb").asDouble());
        assertTrue(linkState().night(), "get-state over the link says night");

        HttpResponse<String> louder = rig.post("/api/volume", "{\"volumeDb\": -5}");
        assertEquals(409, louder.statusCode());
        assertEquals("refused", WebRig.json(louder).get("error").get("code").asText());
        assertEquals("volumeDb = -5 is above night mode's ceiling of -10 dB; turn night mode off to go louder",
                WebRig.json(louder).get("error").get("message").asText());
        assertEquals(200, rig.post("/api/volume", "{\"volumeDb\": -14}").statusCode());
        JsonNode switched = WebRig.json(rig.post("/api/profile", "{\"profileId\": \"night\"}"));
        assertTrue(switched.get("night").asBoolean(), "night mode stays on across a profile switch");
        assertEquals(200, rig.post("/api/profile", "{\"profileId\": \"driver\"}").statusCode());

        // The night compressor brings the -20 LUFS sine, louder than night's -23, down by 4..6 dB.
        Await.until(() -> {
            double drop = RemoteRig.expectedRms(-14) - rig.unit.outputRmsDbfs();
            return drop > 3 && drop < 7;
        }, "the night compressor's 3..7 dB on the sine", TIMEOUT);

        JsonNode day = WebRig.json(rig.post("/api/night", "{\"night\": false}"));
        assertFalse(day.get("night").asBoolean());
        assertEquals(-14, day.get("volumeDb").asDouble(), "off leaves the volume where it was");
        assertEquals(0, day.get("maxVolumeDb").asDouble());
        assertFalse(linkState().night());
    }

    /**
     * The event stream sends the state at once, then a change made elsewhere (over the link, as a
     * tuner or the serial cable makes it) within a fraction of a second, the loudness as it moves,
     * and keep-alive comments in between, under the page's own rules.
     */
    @Test
    void theEventStreamPushesChangesMadeElsewhere() throws Exception {
        try (EventClient events = new EventClient(rig.page.address())) {
            assertEquals(200, events.status);
            assertEquals("text/event-stream; charset=utf-8", events.headers.get("content-type"));
            assertEquals(PageGuard.CSP, events.headers.get("content-security-policy"));
            assertEquals("no-store", events.headers.get("cache-control"));
            JsonNode first = WebRig.JSON.readTree(events.next("state", TIMEOUT).data());
            assertEquals(VOLUME_DB, first.get("volumeDb").asDouble());
            assertEquals(WebRig.json(rig.get("/api/state")).get("profiles"), first.get("profiles"));
            assertTrue(first.get("loudness").has("momentaryLufs"), first.toString());

            long sent = System.nanoTime();
            assertInstanceOf(Reply.Ack.class, rig.linkCommand(new Command.SetVolume(-12)));
            JsonNode changed = WebRig.JSON.readTree(events.next("state", TIMEOUT).data());
            double ms = (System.nanoTime() - sent) / 1e6;
            assertEquals(-12, changed.get("volumeDb").asDouble());
            assertTrue(ms < 500, "the change reached the stream " + ms + " ms after the link's ack");
            System.out.printf("event stream: a link change on the page's stream %.0f ms after its ack%n", ms);

            assertInstanceOf(Reply.Ack.class, rig.linkCommand(new Command.SetNight(true)));
            JsonNode night = WebRig.JSON.readTree(events.next("state", TIMEOUT).data());
            assertTrue(night.get("night").asBoolean());
            assertEquals(HeadUnitRemote.NIGHT_MAX_VOLUME_DB, night.get("maxVolumeDb").asDouble());
            assertEquals("keep-alive", events.next(e -> e.event() == null, TIMEOUT).data());

            // A test signal 12 dB under the sine: the state says so, and the loudness follows it down.
            rig.unit.unit.playTestSignal(new Command.PlayTestSignal(List.of(0), new TestSignal.Sine(1000), -32,
                    Command.Correction.ON));
            try {
                assertTrue(WebRig.JSON.readTree(events.next("state", TIMEOUT).data()).get("testSignal").asBoolean());
                events.next(e -> "loudness".equals(e.event()) && momentary(e) < RemoteRig.SINE_DBFS - 6, TIMEOUT);
            } finally {
                rig.unit.unit.stopTestSignal();
            }
        }
    }

    private static double momentary(EventClient.Event e) {
        JsonNode m = read(e).get("momentaryLufs");
        return m.isNull() ? Double.NEGATIVE_INFINITY : m.asDouble();
    }

    /**
     * At most eight streams at once, and the newest client wins: a ninth takes the oldest
     * stream's place, which ends cleanly (its last chunk, then the server closes its connection),
     * while the seven others stream on. A client that leaves frees its place, and the next one
     * takes that place without ending anyone's stream.
     */
    @Test
    void aNinthStreamTakesTheOldestPlaceAndAClientThatLeavesFreesItsPlace() throws Exception {
        List<EventClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < EventStream.MAX_STREAMS; i++) {
                EventClient c = new EventClient(rig.page.address());
                open.add(c);
                assertEquals(200, c.status);
                c.next("state", TIMEOUT);
            }
            try (EventClient oldest = open.removeFirst()) {
                EventClient ninth = new EventClient(rig.page.address());
                open.add(ninth);
                assertEquals(200, ninth.status);
                assertEquals("close", ninth.headers.get("connection"));
                ninth.next("state", TIMEOUT);
                assertTrue(oldest.endsWithin(TIMEOUT), "the oldest stream ends");
                assertTrue(oldest.endedCleanly(), "with its last chunk");
                assertTrue(oldest.closedWithin(TIMEOUT), "and the server closes its connection");
            }
            assertEquals(EventStream.MAX_STREAMS, rig.page.streams());
            everyOneSees(open, -14);

            open.removeFirst().close();
            Await.until(() -> rig.page.streams() == EventStream.MAX_STREAMS - 1, "the page finds the client gone", TIMEOUT);
            EventClient again = new EventClient(rig.page.address());
            open.add(again);
            assertEquals(200, again.status);
            again.next("state", TIMEOUT);
            assertEquals(EventStream.MAX_STREAMS, rig.page.streams());
            everyOneSees(open, -16);
        } finally {
            for (EventClient c : open) {
                c.close();
            }
        }
        Await.until(() -> rig.page.streams() == 0, "every stream ends once its client has gone", TIMEOUT);
        HttpResponse<String> posted = rig.post(EventStream.PATH, "{}");
        assertEquals(405, posted.statusCode());
        assertEquals("GET", posted.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, rig.get(EventStream.PATH + "/more").statusCode());
    }

    /** Sets the volume over the link; every one of {@code clients} gets the state that shows it: none has ended. */
    private void everyOneSees(List<EventClient> clients, double volumeDb) throws IOException {
        assertInstanceOf(Reply.Ack.class, rig.linkCommand(new Command.SetVolume(volumeDb)));
        for (EventClient c : clients) {
            c.next(e -> "state".equals(e.event()) && read(e).get("volumeDb").asDouble() == volumeDb, TIMEOUT);
        }
    }

    private static JsonNode read(EventClient.Event e) {
        try {
            return WebRig.JSON.readTree(e.data());
        } catch (IOException x) {
            throw new AssertionError(x);
        }
    }

    /**
     * Closing the page ends every stream (the client reads the stream's end) and every thread
     * the page started, within its second.
     */
    @Test
    void closingThePageEndsItsStreamsAndItsThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DriverPage page = DriverPage.start(new WebAddress("127.0.0.1", 0), rig.unit.unit,
                new DriverCommands(rig.unit.link.dispatcher(), () -> { }), System.err, WebRig.TIMING);
        double ms;
        try (EventClient a = new EventClient(page.address()); EventClient b = new EventClient(page.address())) {
            a.next("state", TIMEOUT);
            b.next("state", TIMEOUT);
            assertEquals(2, page.streams());
            long start = System.nanoTime();
            page.close();
            ms = (System.nanoTime() - start) / 1e6;
            assertTrue(a.endsWithin(Duration.ofSeconds(2)), "the first stream ended");
            assertTrue(b.endsWithin(Duration.ofSeconds(2)), "the second stream ended");
        }
        assertEquals(0, page.streams());
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName).filter(n -> n.startsWith("cabintune-web") || n.startsWith("HTTP-Dispatcher"))
                .toList();
        assertEquals(List.of(), left, "threads of the page still alive");
        assertTrue(ms < 1000, "closing took " + ms + " ms");
        System.out.printf("event stream: the page with two streams closed in %.0f ms%n", ms);
    }

    /** Waits until the output's RMS (its meter's 300 ms window) is within 0.2 dB of {@code dbfs}. */
    private void outputSettlesAt(double dbfs) throws InterruptedException {
        Await.until(() -> Math.abs(rig.unit.outputRmsDbfs() - dbfs) < 0.2, "the output at " + dbfs + " dBFS", TIMEOUT);
    }

    private Reply.State linkState() {
        return assertInstanceOf(Reply.State.class, rig.linkCommand(new Command.GetState()));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("/api/volume", "{\"volumeDb\": 30}", 400, "out-of-range", "volumeDb = 30 is outside -80..12"),
                Arguments.of("/api/volume", "{\"volumeDb\": \"loud\"}", 400, "wrong-type",
                        "volumeDb = \"loud\" is a string; expected a number"),
                Arguments.of("/api/volume", "{\"volumeDb\": -10, \"fade\": 2}", 400, "unknown-field",
                        "fade is not a field of a set-volume body; allowed: volumeDb"),
                Arguments.of("/api/volume", "{}", 400, "missing-field", "volumeDb is missing; a set-volume body requires volumeDb"),
                Arguments.of("/api/volume", "{\"volumeDb\": 6}", 409, "refused",
                        "volumeDb = 6 is above 0 dB: this unit's volume only attenuates (-80..0 dB), so no volume can"
                                + " lift an output over its protection ceiling"),
                Arguments.of("/api/volume", "{\"volumeDb\": NaN}", 400, "malformed-json",
                        "volumeDb: malformed JSON at column 17: NaN and Infinity are not JSON numbers"),
                Arguments.of("/api/profile", "{\"profileId\": \"sport\"}", 404, "unknown-profile",
                        "profileId = \"sport\" is not stored on this unit; stored: driver, night"),
                Arguments.of("/api/profile", "{\"profileId\": \"Night\"}", 400, "invalid-value",
                        "profileId = \"Night\" must be lower-case words of a-z 0-9 joined by single hyphens, like driver-seat"),
                Arguments.of("/api/mute", "{\"muted\": 1}", 400, "wrong-type", "muted = 1 is a number; expected true or false"),
                Arguments.of("/api/night", "{\"night\": null}", 400, "wrong-type", "night is null; expected true or false"),
                Arguments.of("/api/night", "[true]", 400, "wrong-type", "request body is an array; expected a JSON object"),
                Arguments.of("/api/mute", "{\"muted\": true", 400, "malformed-json", null),
                Arguments.of("/api/mute", "{\"muted\": true, \"muted\": false}", 400, "malformed-json", null),
                Arguments.of("/api/mute", "{\"muted\": \"" + "x".repeat(DriverApi.MAX_BODY_BYTES) + "\"}", 413, "too-large",
                        "request body is over 1024 bytes"),
                Arguments.of("/api/profiles", "{\"profileId\": \"x\"}", 404, "not-found", null),
                Arguments.of("/api/put-profile", "{}", 404, "not-found", null),
                Arguments.of("/api/state", "{}", 405, "method-not-allowed", "POST /api/state is not allowed; use GET"));
    }

    /** Every refusal names the field and what is allowed, under the right status, and changes nothing. */
    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("refusals")
    void refusesBadRequestsNamingTheFieldAndChangesNothing(String path, String body, int status, String code,
                                                           String message) throws Exception {
        Reply.State before = rig.unit.unit.state();
        HttpResponse<String> answer = rig.post(path, body);
        assertEquals(status, answer.statusCode(), answer.body());
        JsonNode error = WebRig.json(answer).get("error");
        assertEquals(code, error.get("code").asText(), answer.body());
        if (message != null) {
            assertEquals(message, error.get("message").asText());
        }
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), "no trace: " + answer.body());
        assertEquals(before, rig.unit.unit.state());
        assertEquals("Driver", rig.unit.unit.playingName());
    }

    @Test
    void commandsMustSayTheyAreJson() throws Exception {
        HttpResponse<String> form = rig.post("/api/mute", "application/x-www-form-urlencoded", "muted=true");
        assertEquals(415, form.statusCode());
        assertEquals("Content-Type = \"application/x-www-form-urlencoded\"; send the body as application/json",
                WebRig.json(form).get("error").get("message").asText());
        assertEquals(415, rig.post("/api/mute", "text/plain", "{\"muted\": true}").statusCode());
        assertFalse(rig.unit.unit.state().muted());
    }

    /**
     * Another site cannot drive the unit from a phone's browser: not by a name that resolves to
     * the unit (the Host is not the unit's), not by posting from its own page (the Origin is not
     * the page's), not with a CORS preflight (never answered with CORS headers).
     */
    @Test
    void refusesOtherSitesAndForeignHostNames() throws Exception {
        int port = rig.page.address().getPort();
        String rebound = raw("GET /api/state HTTP/1.1\r\nHost: cabintune.attacker.example:" + port + "\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 403 "), rebound);
        assertTrue(rebound.contains("\"bad-host\""), rebound);
        String stream = raw("GET " + EventStream.PATH + " HTTP/1.1\r\nHost: cabintune.attacker.example:" + port + "\r\n");
        assertTrue(stream.startsWith("HTTP/1.1 403 ") && stream.contains("\"bad-host\""), stream);
        try (EventClient foreign = new EventClient(rig.page.address(), EventStream.PATH,
                "Origin: http://attacker.example\r\n")) {
            assertEquals(403, foreign.status);
            assertTrue(foreign.body().contains("\"cross-origin\""));
        }
        String body = "{\"muted\": true}";
        String posted = raw("POST /api/mute HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://attacker.example\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n", body);
        assertTrue(posted.startsWith("HTTP/1.1 403 "), posted);
        assertTrue(posted.contains("\"cross-origin\""), posted);
        String preflight = raw("OPTIONS /api/mute HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:"
                + port + "\r\nAccess-Control-Request-Method: POST\r\n");
        assertTrue(preflight.startsWith("HTTP/1.1 405 "), preflight);
        assertFalse(preflight.toLowerCase().contains("access-control-allow"), preflight);
        String sameOrigin = raw("POST /api/mute HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:"
                + port + "\r\nContent-Type: application/json\r\nContent-Length: 16\r\n", "{\"muted\": false}");
        assertTrue(sameOrigin.startsWith("HTTP/1.1 200 "), sameOrigin);
        assertFalse(rig.unit.unit.state().muted());
    }

    /** The page sends driver commands only: an installer command is refused before it is built. */
    @Test
    void thePageCannotSendInstallerCommands() {
        DriverCommands commands = new DriverCommands(rig.unit.link.dispatcher(), () -> { });
        for (MessageType type : MessageType.values()) {
            if (type.right() != org.cabintune.link.protocol.Right.DRIVER) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> commands.send(type, JsonNodeFactory.instance.objectNode(), "test"));
                assertEquals(type.word() + " is not a driver command; the driver's page sends driver commands only",
                        e.getMessage());
            }
        }
    }

    /** One request over a plain socket, for headers an HTTP client will not send; the whole answer. */
    private String raw(String head, String... body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", rig.page.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n" + String.join("", body)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
