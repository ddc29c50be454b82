/**
 * The control protocol shared by the tuner and the head unit: message types and their codec
 * ({@code protocol}), signatures and trusted keys ({@code security}), the unit-side command
 * handling ({@code command}), serial framing and transport ({@code serial}) and the MQTT topic
 * scheme and transport ({@code mqtt}). {@code docs/protocol.md} describes the wire format.
 */
package org.cabintune.link;
