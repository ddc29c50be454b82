/**
 * Messages over a serial cable: frames of COBS, a length and a CRC-32 ({@link org.cabintune.link.serial.Framing},
 * {@link org.cabintune.link.serial.FrameDecoder}), a self-reconnecting jSerialComm port
 * ({@link org.cabintune.link.serial.SerialLink}), and the unit's and the tuner's ends
 * ({@link org.cabintune.link.serial.SerialServer}, {@link org.cabintune.link.serial.SerialClient}).
 */
package org.cabintune.link.serial;
