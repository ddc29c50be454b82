package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, with a fresh profile and remote debugging on a port of its own
 * choosing, read from the {@code DevTools listening on ws://...} line it prints. Closing kills it
 * and every process it started.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final long START_S = 30;

    private final Process process;
    private final URI browser;

    private Chromium(Process process, URI browser) {
        this.process = process;
        this.browser = browser;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts it with {@code profile} (an empty directory) as its user data directory. */
    static Chromium start(Path profile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
                listening.completeExceptionally(new IOException("chromium exited without a DevTools address"));
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, listening.get(START_S, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IOException("chromium did not start its DevTools within " + START_S + " s: " + e, e);
        }
    }

    /** A session with the page Chromium opened at start. */
    DevTools page() throws IOException, InterruptedException {
        URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
        HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(targets.body())) {
            if ("page".equals(target.path("type").asText())) {
                try {
                    return DevTools.connect(URI.create(target.get("webSocketDebuggerUrl").asText()));
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("cannot reach the page's DevTools: " + e, e);
                }
            }
        }
        throw new IOException("chromium has no page target: " + targets.body());
    }

    @Override
    public void close() throws InterruptedException {
        kill(process);
    }

    /** Kills the process and everything it started, and waits for the main process to end. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
