package org.cabintune.link.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Received;
import org.junit.jupiter.api.Test;

/** The worked example of docs/protocol.md, "Signatures", checked byte for byte. */
class SignatureExampleTest {

    /** RFC 8032 section 7.1, TEST 2: the public key. */
    private static final String PUBLIC_KEY = "PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=";

    private static final String MESSAGE = "{\"protocol\":1,\"id\":\"7f3c-0001\",\"time\":1750000000000,"
            + "\"type\":\"set-limits\",\"body\":{\"maxVolumeDb\":-6.0,\"maxTestLevelDbfs\":-12.0},"
            + "\"signature\":{\"key\":\"39f713d0a644253f\",\"counter\":1750000000000,\"value\":"
            + "\"8U3UyHoOj4Z2+xiaRH42iBpUTVnkr0uRcZuevBuxK/oMtCRv4+EtjO14HcdiPvjKsLglv4vy5+aWQ0nYaX6RDg==\"}}";

    private static final String CANONICAL = "{\"body\":{\"maxTestLevelDbfs\":-12,\"maxVolumeDb\":-6},"
            + "\"id\":\"7f3c-0001\",\"protocol\":1,\"signature\":{\"counter\":1750000000000,"
            + "\"key\":\"39f713d0a644253f\"},\"time\":1750000000000,\"type\":\"set-limits\"}";

    @Test
    void theDocumentedMessageVerifiesOverTheDocumentedBytes() throws Exception {
        Received received = MessageCodec.decode(MESSAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals(CANONICAL, new String(received.signedBytes(), StandardCharsets.UTF_8));
        byte[] raw = Base64.getDecoder().decode(PUBLIC_KEY);
        assertEquals("39f713d0a644253f", Ed25519.keyId(raw));
        assertTrue(Ed25519.verify(Ed25519.publicKey(raw), received.signedBytes(),
                Base64.getDecoder().decode(received.envelope().signature().value())));
    }
}
