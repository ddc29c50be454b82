/**
 * The tuner's commands that talk to head units over MQTT or the serial cable: {@code units},
 * {@code push}, {@code select}, {@code meters} and {@code keys}.
 */
package org.cabintune.tuner.unit;
