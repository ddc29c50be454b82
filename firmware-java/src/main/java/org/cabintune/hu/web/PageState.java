package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cabintune.hu.meters.MeterSnapshot;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;

/**
 * What the driver's page shows, as {@code GET /api/state} answers it: the unit's protocol state
 * (the same {@code get-state} the tuner reads), what plays, the volume range the unit allows
 * now, and the programme's loudness from the meters' latest snapshot. Loudness without a value
 * yet (silence, the first 400 ms) is {@code null}.
 */
final class PageState {

    /** The loudness's field, which the event stream sends on its own as well. */
    static final String LOUDNESS = "loudness";

    private PageState() {
    }

    static ObjectNode of(HeadUnitRemote unit) {
        Reply.State state = unit.state();
        MeterSnapshot meters = unit.meterSnapshot();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("unit", unit.info().unitId());
        json.put("model", unit.info().model());
        ObjectNode playing = json.putObject("profile");
        // Name and id from one read, so they belong together while the profile changes.
        String name = unit.playingName();
        String id = unit.idOf(name);
        if (id != null) {
            playing.put("id", id);
        } else {
            playing.putNull("id");
        }
        playing.put("name", name);
        ArrayNode profiles = json.putArray("profiles");
        state.profiles().forEach(p -> profiles.addObject().put("id", p.id()).put("name", p.name()));
        json.put("volumeDb", state.volumeDb());
        json.put("minVolumeDb", Command.MIN_VOLUME_DB);
        json.put("maxVolumeDb", unit.maxVolumeDb());
        json.put("muted", state.muted());
        json.put("night", state.night());
        json.put("bypassed", state.bypassed());
        json.put("testSignal", state.testSignal());
        json.put("source", meters.source());
        ObjectNode loudness = json.putObject(LOUDNESS);
        lufs(loudness, "momentaryLufs", meters.momentaryLufs());
        lufs(loudness, "shortTermLufs", meters.shortTermLufs());
        return json;
    }

    private static void lufs(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, Math.round(value * 10) / 10.0);
        } else {
            node.putNull(name);
        }
    }
}
