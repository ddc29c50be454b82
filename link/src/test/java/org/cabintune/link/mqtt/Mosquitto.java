package org.cabintune.link.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.cabintune.link.testing.ExternalProgram;

/**
 * A real Mosquitto broker on 127.0.0.1, started for a test: MQTT 5, logins required (one
 * account from a password file made with mosquitto_passwd), nothing kept on disk. Stopping and
 * starting it again keeps its port, as a broker restart would.
 */
public final class Mosquitto {

    public static final String USER = "unit-test";
    public static final String PASSWORD = "correct horse battery staple";

    private final Path dir;
    private final int port;
    private final ExternalProgram program = new ExternalProgram("mosquitto");

    public Mosquitto(Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    /** True when mosquitto and mosquitto_passwd can be run here. */
    public static boolean available() {
        return ExternalProgram.available("mosquitto", "-h") && ExternalProgram.available("mosquitto_passwd", "-h");
    }

    public BrokerLogin login() {
        return new BrokerLogin(uri(), USER, PASSWORD);
    }

    public BrokerLogin login(String user, String password) {
        return new BrokerLogin(uri(), user, password);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public Mosquitto start() throws IOException, InterruptedException {
        Path passwords = dir.resolve("passwd");
        if (!Files.exists(passwords)) {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), USER, PASSWORD)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed");
            }
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + passwords,
                "persistence false",
                // Started as root, mosquitto would switch to its own user and lose the files here.
                "user " + System.getProperty("user.name"),
                "log_dest none",
                ""));
        Path log = dir.resolve("mosquitto.log");
        program.start(new ProcessBuilder("mosquitto", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()), this::accepts, Duration.ofSeconds(10));
        return this;
    }

    /** Stops the broker: every client loses its connection. */
    public void stop() throws InterruptedException {
        program.stop();
    }


    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
