package org.cabintune.hu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

    @ParameterizedTest
    @CsvSource({"0.0.0.0:8080, 0.0.0.0, 8080", "192.168.4.1:80, 192.168.4.1, 80", "[::1]:0, ::1, 0",
            "car-7.local:65535, car-7.local, 65535"})
    void readsHostAndPort(String text, String host, int port) {
        assertEquals(new WebAddress(host, port), WebAddress.parse("--web", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080", "car:", ":8080", "a b:80", "http://car:80", "car:80/", "[::1:80"})
    void refusesWhatIsNotHostColonPort(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebAddress.parse("--web", text));
        assertEquals("--web = \"" + text + "\" is not HOST:PORT (e.g. 0.0.0.0:8080, 192.168.4.1:80, [::1]:8080)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"car:65536", "car:99999"})
    void refusesAPortBeyondTcps(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebAddress.parse("link.web", text));
        assertEquals("link.web = \"" + text + "\": port " + text.substring(4) + " is outside 0..65535", e.getMessage());
    }
}
