package org.cabintune.tuner.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesWhatAJsonParserReadsBack() throws IOException {
        String line = new JsonLine()
                .text("file", "dir\\odd \"name\"\t\u0001.wav")
                .number("a", -22.954).number("b", Double.NEGATIVE_INFINITY).number("c", -0.001)
                .beginArray("list")
                .beginObject().text("x", "y").bool("t", true).end()
                .beginObject().bool("n", null).end()
                .end()
                .number("after", 3)
                .end().toString();
        JsonNode o = new ObjectMapper().readTree(line);
        assertEquals("dir\\odd \"name\"\t\u0001.wav", o.get("file").asText());
        assertEquals("-22.95", o.get("a").asText());
        assertEquals(true, o.get("b").isNull());
        assertEquals("0.0", o.get("c").asText());
        assertEquals(2, o.get("list").size());
        assertEquals(true, o.get("list").get(0).get("t").asBoolean());
        assertEquals(true, o.get("list").get(1).get("n").isNull());
        assertEquals(3.0, o.get("after").asDouble());
        assertEquals(false, line.contains("\n"));
    }
}
