package org.cabintune.hu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's page in a real browser: headless Chromium loads it from a running unit, follows
 * the unit over its event stream (a change made over the link shows without a reload, and the
 * page never polls), a driver taps a profile and night mode, and both the page and the unit
 * change; when newer clients take its stream's place the page polls instead, and takes the
 * stream again a few seconds later. The page runs under its own Content-Security-Policy, so a script or style it would
 * block shows up as a logged error. A screenshot of the phone-sized page is left in
 * {@code target/driver-page.png}.
 */
class DriverPageBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aTapOnAProfileSwitchesTheUnitAndThePageShowsIt() throws Exception {
        assumeTrue(Chromium.available(), Chromium.BINARY + " is not installed (apt-get install chromium)");
        Files.createDirectories(dir.resolve("chromium"));
        // Chromium starts while the unit does: each takes seconds on a busy machine.
        CompletableFuture<Chromium> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return Chromium.start(dir.resolve("chromium"));
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        try (AutoCloseable killed = () -> started(starting).close(); WebRig rig = new WebRig(dir);
             DevTools page = started(starting).page()) {
            page.call("Log.enable");
            page.call("Runtime.enable");
            page.call("Network.enable");
            page.call("Emulation.setDeviceMetricsOverride", DevTools.params().put("width", 390).put("height", 844)
                    .put("deviceScaleFactor", 2).put("mobile", true));
            page.call("Page.navigate", DevTools.params().put("url", rig.base.toString()));
            until(page, "document.querySelectorAll('#profiles button').length === 2", "the page lists both profiles");
            assertEquals("Driver", text(page, "playing"));
            assertEquals("true", attribute(page, "#profiles button[data-profile-id='driver']", "aria-pressed"));
            until(page, "document.getElementById('momentary').textContent === '-20.0'",
                    "the page shows the sine's -20 LUFS");
            until(page, "document.body !== null && document.body.dataset.updates === 'stream'",
                    "the page follows the unit's event stream");

            // A change made elsewhere (the serial cable, a tuner) shows without a reload.
            assertInstanceOf(Reply.Ack.class, rig.linkCommand(new Command.SetVolume(-12)));
            until(page, "document.getElementById('volume-value').textContent === '-12.0 dB'",
                    "the page shows the volume set over the link");
            assertEquals("-12", evaluate(page, "document.getElementById('volume').value").asText());
            assertEquals(List.of(), requests(page, "/api/state"), "the page never polled");
            assertEquals(1, requests(page, EventStream.PATH).size(), "one stream");

            tap(page, "#profiles button[data-profile-id='night']");
            until(page, "document.getElementById('playing').textContent === 'Night'", "the page shows Night playing");
            assertEquals("true", attribute(page, "#profiles button[data-profile-id='night']", "aria-pressed"));
            assertEquals("false", attribute(page, "#profiles button[data-profile-id='driver']", "aria-pressed"));
            assertEquals("Night", rig.unit.unit.playingName(), "the unit plays Night");
            assertEquals("Night", rig.unit.store.activeName().orElseThrow(), "and the store keeps it");

            tap(page, "#night");
            until(page, "document.getElementById('night').getAttribute('aria-pressed') === 'true'",
                    "the night mode button shows on");
            assertTrue(rig.unit.unit.state().night(), "the unit is in night mode");
            assertEquals(String.valueOf((long) HeadUnitRemote.NIGHT_MAX_VOLUME_DB),
                    evaluate(page, "document.getElementById('volume').max").asText(), "the slider stops at the ceiling");

            JsonNode shot = page.call("Page.captureScreenshot", DevTools.params().put("format", "png"));
            Path png = Path.of("target", "driver-page.png");
            Files.createDirectories(png.getParent());
            Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
            noErrors(page, "");
            losesItsPlaceThenPollsAndTakesTheStreamAgain(rig, page);
            // The stream that lost its place is the one error the browser may log.
            noErrors(page, EventStream.PATH);
        }
    }

    /**
     * A page whose stream loses its place (eight newer clients open streams after it, the eighth
     * taking the oldest place, the page's) polls, and still shows a change made over the link; a
     * few seconds later it opens the stream again and, the newest now, takes the oldest place.
     */
    private static void losesItsPlaceThenPollsAndTakesTheStreamAgain(WebRig rig, DevTools page) throws Exception {
        Await.until(() -> rig.page.streams() == 1, "the page's stream alone", TIMEOUT);
        List<EventClient> newer = new ArrayList<>();
        try {
            for (int i = 0; i < EventStream.MAX_STREAMS; i++) {
                newer.add(new EventClient(rig.page.address()));
            }
            until(page, "document.body.dataset.updates === 'poll'", "the page polls once its stream lost its place");
            assertInstanceOf(Reply.Ack.class, rig.linkCommand(new Command.SetMute(true)));
            until(page, "document.getElementById('mute').getAttribute('aria-pressed') === 'true'",
                    "the polling page shows the mute set over the link");
            until(page, "document.body.dataset.updates === 'stream'", "the page takes the stream again");
            assertTrue(newer.getFirst().endsWithin(TIMEOUT), "in the place of the oldest client");
            assertEquals(EventStream.MAX_STREAMS, rig.page.streams());
        } finally {
            for (EventClient c : newer) {
                c.close();
            }
            rig.linkCommand(new Command.SetMute(false));
        }
        until(page, "document.getElementById('mute').getAttribute('aria-pressed') === 'false'",
                "the streaming page shows the unmute");
    }

    /** No error logged, but for failed loads of {@code allowedUrlEnd} (none when empty), and nothing thrown. */
    private static void noErrors(DevTools page, String allowedUrlEnd) {
        for (JsonNode entry : page.events("Log.entryAdded")) {
            boolean allowed = !allowedUrlEnd.isEmpty() && "network".equals(entry.at("/params/entry/source").asText())
                    && entry.at("/params/entry/url").asText().endsWith(allowedUrlEnd);
            assertTrue(allowed || !"error".equals(entry.at("/params/entry/level").asText()), "the page logged " + entry);
        }
        assertTrue(page.events("Runtime.exceptionThrown").isEmpty(), "the page threw: "
                + page.events("Runtime.exceptionThrown"));
    }

    /** The URLs of the requests the page sent so far whose path is {@code path}. */
    private static List<String> requests(DevTools page, String path) {
        return page.events("Network.requestWillBeSent").stream().map(e -> e.at("/params/request/url").asText())
                .filter(u -> URI.create(u).getPath().equals(path)).toList();
    }

    /** The browser once it has started; closing it (always, last) kills it. */
    private static Chromium started(CompletableFuture<Chromium> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A finger's tap: mouse press and release at the element's centre, through the browser's input. */
    private static void tap(DevTools page, String selector) throws IOException, InterruptedException {
        JsonNode box = evaluate(page, "(() => { const r = document.querySelector(\"" + selector + "\")"
                + ".getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            page.call("Input.dispatchMouseEvent", DevTools.params().put("type", type).put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
    }

    private static String text(DevTools page, String id) throws IOException, InterruptedException {
        return evaluate(page, "document.getElementById('" + id + "').textContent").asText();
    }

    private static String attribute(DevTools page, String selector, String name) throws IOException, InterruptedException {
        return evaluate(page, "document.querySelector(\"" + selector + "\").getAttribute('" + name + "')").asText();
    }

    private static JsonNode evaluate(DevTools page, String expression) throws IOException, InterruptedException {
        return page.evaluate(expression);
    }

    private static void until(DevTools page, String condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!page.evaluate(condition).asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
