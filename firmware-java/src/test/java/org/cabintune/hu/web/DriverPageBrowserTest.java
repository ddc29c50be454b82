package org.cabintune.hu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's page in a real browser: headless Chromium loads it from a running unit, a driver
 * taps a profile and night mode, and both the page and the unit change. The page runs under its
 * own Content-Security-Policy, so a script or style it would block shows up as a logged error.
 * A screenshot of the phone-sized page is left in {@code target/driver-page.png}.
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
            page.call("Emulation.setDeviceMetricsOverride", DevTools.params().put("width", 390).put("height", 844)
                    .put("deviceScaleFactor", 2).put("mobile", true));
            page.call("Page.navigate", DevTools.params().put("url", rig.base.toString()));
            until(page, "document.querySelectorAll('#profiles button').length === 2", "the page lists both profiles");
            assertEquals("Driver", text(page, "playing"));
            assertEquals("true", attribute(page, "#profiles button[data-profile-id='driver']", "aria-pressed"));
            until(page, "document.getElementById('momentary').textContent === '-20.0'",
                    "the page shows the sine's -20 LUFS");

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

            for (JsonNode entry : page.events("Log.entryAdded")) {
                assertTrue(!"error".equals(entry.at("/params/entry/level").asText()), "the page logged " + entry);
            }
            assertTrue(page.events("Runtime.exceptionThrown").isEmpty(), "the page threw: "
                    + page.events("Runtime.exceptionThrown"));
        }
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
