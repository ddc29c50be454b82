package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.cabintune.hu.remote.RemoteRig;
import org.cabintune.link.command.Caller;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;

/**
 * A running head unit ({@link RemoteRig}: a real engine, profile store with {@code Driver} and
 * {@code Night}, meters and link dispatcher) with its driver's page on 127.0.0.1 and a free
 * port, and an HTTP client for it.
 */
final class WebRig implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The event streams' timing in tests: the unit's, but a keep-alive every 200 ms, so a client that left is found soon. */
    static final EventStream.Timing TIMING = new EventStream.Timing(EventStream.Timing.DEFAULT.state(),
            EventStream.Timing.DEFAULT.loudness(), Duration.ofMillis(200),
            EventStream.Timing.DEFAULT.stuckWrite());

    final RemoteRig unit;
    final DriverPage page;
    final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    WebRig(Path dir) throws Exception {
        unit = new RemoteRig(dir);
        page = DriverPage.start(new WebAddress("127.0.0.1", 0), unit.unit,
                new DriverCommands(unit.link.dispatcher(), () -> { }), new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                TIMING);
        base = URI.create(page.url());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code command} through the unit's link dispatcher, as the serial cable would: a change made elsewhere. */
    Reply linkCommand(Command command) {
        Envelope reply = unit.link.dispatcher().reply(MessageCodec.encode(Envelope.of("t-" + System.nanoTime(), 0,
                command)), Caller.serialCable("test"));
        return (Reply) reply.body();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        page.close();
        unit.close();
    }
}
