/**
 * The protocol over MQTT 5 with Eclipse Paho: the topic scheme ({@link org.cabintune.link.mqtt.Topics}),
 * the unit's end ({@link org.cabintune.link.mqtt.MqttServer}: commands with response topic and
 * correlation data, retained state and status, last will) and a client's end
 * ({@link org.cabintune.link.mqtt.MqttUnitClient}).
 */
package org.cabintune.link.mqtt;
