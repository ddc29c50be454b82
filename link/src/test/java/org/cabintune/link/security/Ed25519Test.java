package org.cabintune.link.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, TEST 2: one-byte message 0x72. */
    @Test
    void matchesTheRfc8032TestVector() throws Exception {
        byte[] secret = HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] publicRaw = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        byte[] message = HEX.parseHex("72");
        String expected = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, secret));
        byte[] signature = Ed25519.sign(privateKey, message);
        assertEquals(expected, HEX.formatHex(signature));
        PublicKey publicKey = Ed25519.publicKey(publicRaw);
        assertTrue(Ed25519.verify(publicKey, message, signature));
        assertArrayEquals(publicRaw, Ed25519.raw(publicKey));
    }

    @Test
    void refusesATamperedMessageOrSignatureWithoutThrowing() {
        InstallerKey key = InstallerKey.generate(java.time.Clock.systemUTC());
        PublicKey publicKey = publicKeyOf(key);
        byte[] data = "volume -20".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(privateKeyOf(key), data);
        assertTrue(Ed25519.verify(publicKey, data, signature));
        assertFalse(Ed25519.verify(publicKey, "volume -10".getBytes(StandardCharsets.UTF_8), signature));
        signature[5] ^= 1;
        assertFalse(Ed25519.verify(publicKey, data, signature));
        assertFalse(Ed25519.verify(publicKey, data, new byte[63]));
        byte[] junk = new byte[64];
        java.util.Arrays.fill(junk, (byte) 0xff);
        assertFalse(Ed25519.verify(publicKey, data, junk));
    }

    @Test
    void keyIdsAreSixteenHexDigitsOfTheKeysHash() {
        byte[] raw = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        String id = Ed25519.keyId(raw);
        assertEquals(16, id.length());
        assertTrue(id.matches("[0-9a-f]{16}"));
        raw[0] ^= 1;
        assertFalse(id.equals(Ed25519.keyId(raw)));
    }

    static PublicKey publicKeyOf(InstallerKey key) {
        try {
            return Ed25519.publicKey(key.rawPublicKey());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static PrivateKey privateKeyOf(InstallerKey key) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.pkcs8()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
