package org.cabintune.hu.remote;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * An MQTT 5 broker inside the head unit (HiveMQ Community Edition, embedded), for a unit with
 * no broker of its own: listening on 127.0.0.1 and, when asked, on one more address (the
 * interface the tuner reaches), keeping nothing on disk, and refusing every client without one
 * of its accounts, as the protocol requires of a broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final Path dir;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path dir, int port) {
        this.hivemq = hivemq;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @param port     the TCP port on every address
     * @param extra    one more address to listen on besides 127.0.0.1, or null
     * @param accounts user name to password; a client must log in with one of them
     */
    public static EmbeddedBroker start(int port, String extra, Map<String, String> accounts) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port = " + port + " is outside 1..65535");
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts is empty: a broker without accounts would let anyone in");
        }
        Path dir = Files.createTempDirectory("cabintune-broker");
        List<String> listeners = new ArrayList<>();
        listeners.add(listener("127.0.0.1", port));
        if (extra != null && !extra.equals("127.0.0.1")) {
            listeners.add(listener(extra, port));
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(dir.resolve("conf").resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                %s  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(String.join("", listeners)));
        Map<String, byte[]> passwords = new java.util.HashMap<>();
        accounts.forEach((user, password) -> passwords.put(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8)));
        EmbeddedExtension logins = EmbeddedExtension.builder().withId("cabintune-logins").withName("CabinTune logins")
                .withVersion("1").withAuthor("CabinTune").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new Logins(Map.copyOf(passwords))).build();
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data")).withExtensionsFolder(dir.resolve("extensions"))
                .withEmbeddedExtension(logins).withoutLoggingBootstrap().build();
        try {
            hivemq.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the embedded broker started", e);
        } catch (ExecutionException e) {
            throw new IOException("the embedded broker did not start on port " + port + ": " + e.getCause(), e);
        }
        return new EmbeddedBroker(hivemq, dir, port);
    }

    /** The address the unit itself connects to. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        try {
            hivemq.close();
        } catch (ExecutionException e) {
            throw new IOException("the embedded broker did not stop cleanly: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String listener(String address, int port) {
        return "    <tcp-listener><port>" + port + "</port><bind-address>" + address + "</bind-address></tcp-listener>\n";
    }

    /** Lets in only clients that log in with one of the accounts; passwords compared in constant time. */
    private record Logins(Map<String, byte[]> passwords) implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) (auth, result) -> {
                Optional<String> user = auth.getConnectPacket().getUserName();
                Optional<ByteBuffer> password = auth.getConnectPacket().getPassword();
                byte[] expected = user.map(passwords::get).orElse(null);
                if (expected != null && password.isPresent() && MessageDigest.isEqual(expected, bytes(password.get()))) {
                    result.authenticateSuccessfully();
                } else {
                    result.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "unknown user or wrong password");
                }
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // Nothing to release: the accounts live in memory.
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }
    }
}
