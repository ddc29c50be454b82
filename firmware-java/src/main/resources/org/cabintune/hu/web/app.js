// The driver's page: follows the unit's state over its event stream (polling while the stream
// is not there) and sends the driver's commands as JSON.
"use strict";

(() => {
  const POLL_MS = 500;
  // After a stream fails (refused, the unit gone), how long the page polls before it tries again.
  const STREAM_RETRY_MS = 3000;
  const STEP_DB = 2;
  // The loudness bars span -60..0 LUFS.
  const BAR_FLOOR_LUFS = -60;

  const $ = (id) => document.getElementById(id);
  let state = null;
  let busy = false;
  let dragging = false;
  let profileKey = "";
  let offline = false;
  let polling = false;
  // Each polling spell's number: a poll still under way from an earlier spell stops there.
  let pollSpell = 0;

  function fmt(value) {
    return value === null ? "–" : value.toFixed(1);
  }

  function say(text) {
    $("message").textContent = text;
  }

  function pressed(id, on) {
    $(id).setAttribute("aria-pressed", on ? "true" : "false");
  }

  function meter(id, lufs) {
    $(id).textContent = fmt(lufs);
    const share = lufs === null ? 0 : Math.min(1, Math.max(0, (lufs - BAR_FLOOR_LUFS) / -BAR_FLOOR_LUFS));
    $(id + "-bar").style.width = (share * 100).toFixed(1) + "%";
  }

  function profiles(s) {
    const box = $("profiles");
    const key = JSON.stringify(s.profiles);
    if (key !== profileKey) {
      profileKey = key;
      box.replaceChildren(...s.profiles.map((p) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = p.name;
        b.dataset.profileId = p.id;
        b.addEventListener("click", () => send("/api/profile", { profileId: p.id }));
        return b;
      }));
      if (s.profiles.length === 0) {
        box.textContent = "This unit plays one profile (no profile store).";
      }
    }
    for (const b of box.querySelectorAll("button")) {
      b.setAttribute("aria-pressed", b.dataset.profileId === s.profile.id ? "true" : "false");
    }
  }

  function loudness(l) {
    meter("momentary", l.momentaryLufs);
    meter("short-term", l.shortTermLufs);
  }

  function render(s) {
    state = s;
    $("playing").textContent = s.profile.name;
    $("source").textContent = s.testSignal ? "Test signal playing" : s.source;
    loudness(s.loudness);
    profiles(s);
    const slider = $("volume");
    slider.min = String(s.minVolumeDb);
    slider.max = String(s.maxVolumeDb);
    if (!dragging) {
      slider.value = String(s.volumeDb);
    }
    $("volume-value").textContent = fmt(s.volumeDb) + " dB" + (s.muted ? ", muted" : "");
    $("volume-up").disabled = s.volumeDb >= s.maxVolumeDb;
    $("volume-down").disabled = s.volumeDb <= s.minVolumeDb;
    pressed("mute", s.muted);
    pressed("night", s.night);
    $("night-note").hidden = !s.night;
  }

  async function send(path, body) {
    busy = true;
    try {
      const answer = await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = await answer.json();
      if (answer.ok) {
        render(json);
        say("");
      } else {
        say(json.error ? json.error.message : "The unit answered " + answer.status);
      }
    } catch (e) {
      say("The unit does not answer (" + e.message + ")");
    } finally {
      busy = false;
    }
  }

  function online() {
    if (offline) {
      offline = false;
      say("");
    }
  }

  // How the page follows the unit, for whoever looks: "stream" or "poll".
  function updates(how) {
    document.body.dataset.updates = how;
  }

  function current(spell) {
    return polling && spell === pollSpell;
  }

  async function poll(spell) {
    if (!current(spell)) {
      return;
    }
    try {
      const answer = await fetch("/api/state", { cache: "no-store" });
      if (answer.ok && !busy && current(spell)) {
        render(await answer.json());
      }
      online();
    } catch (e) {
      offline = true;
      say("The unit does not answer; trying again");
    } finally {
      if (current(spell)) {
        setTimeout(() => poll(spell), POLL_MS);
      }
    }
  }

  function startPolling() {
    updates("poll");
    if (!polling) {
      polling = true;
      poll(++pollSpell);
    }
  }

  // The unit pushes its state (whole, on every change) and the loudness (4 times a second). When
  // the stream fails, whether its place went to a newer client or it was cut, the page polls,
  // and tries the stream again a little later.
  function listen() {
    if (!window.EventSource) {
      startPolling();
      return;
    }
    const stream = new EventSource("/api/events");
    stream.addEventListener("open", () => {
      polling = false;
      updates("stream");
      online();
    });
    stream.addEventListener("state", (e) => {
      if (!busy) {
        render(JSON.parse(e.data));
      }
    });
    stream.addEventListener("loudness", (e) => {
      if (state) {
        state.loudness = JSON.parse(e.data);
        loudness(state.loudness);
      }
    });
    stream.addEventListener("error", () => {
      stream.close();
      startPolling();
      setTimeout(listen, STREAM_RETRY_MS);
    });
  }

  function volumeTo(db) {
    send("/api/volume", { volumeDb: Math.min(state.maxVolumeDb, Math.max(state.minVolumeDb, db)) });
  }

  const slider = $("volume");
  slider.addEventListener("input", () => {
    dragging = true;
    $("volume-value").textContent = Number(slider.value).toFixed(1) + " dB";
  });
  slider.addEventListener("change", () => {
    dragging = false;
    if (state) {
      volumeTo(Number(slider.value));
    }
  });
  // Until the first state arrives there is nothing to step from or toggle.
  $("volume-down").addEventListener("click", () => state && volumeTo(state.volumeDb - STEP_DB));
  $("volume-up").addEventListener("click", () => state && volumeTo(state.volumeDb + STEP_DB));
  $("mute").addEventListener("click", () => state && send("/api/mute", { muted: !state.muted }));
  $("night").addEventListener("click", () => state && send("/api/night", { night: !state.night }));
  listen();
})();
