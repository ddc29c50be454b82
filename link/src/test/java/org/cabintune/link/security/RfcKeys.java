package org.cabintune.link.security;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The published Ed25519 test keys of RFC 8032 section 7.1, so test messages signed once stay
 * valid: TEST 2's key is the one the hostile corpus's unit trusts, TEST 1's is a stranger.
 */
public final class RfcKeys {

    private RfcKeys() {
    }

    /** RFC 8032 TEST 2; key id {@code 39f713d0a644253f}. */
    public static InstallerKey test2(Clock clock) {
        return key("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", clock);
    }

    /** RFC 8032 TEST 1. */
    public static InstallerKey test1(Clock clock) {
        return key("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", clock);
    }

    private static InstallerKey key(String secret, String publicKey, Clock clock) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(secret)));
            return InstallerKey.load(privateKey.getEncoded(), HexFormat.of().parseHex(publicKey), clock);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
