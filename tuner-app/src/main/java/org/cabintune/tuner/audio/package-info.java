/**
 * The desktop's audio through {@code javax.sound.sampled}: the devices there are
 * ({@code cabintune devices}), choosing a capture format a device offers, decoding its bytes,
 * and the measurement microphone on a sound card ({@link org.cabintune.tuner.audio.SoundCardMicrophone}).
 * The choices and the decoding are pure functions over {@code AudioFormat}s; only
 * {@link org.cabintune.tuner.audio.AudioDevices} and {@link org.cabintune.tuner.audio.SoundCard}
 * ask Java Sound.
 */
package org.cabintune.tuner.audio;
