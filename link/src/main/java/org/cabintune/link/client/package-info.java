/** The tuner's side of request and reply, shared by the serial and MQTT clients. */
package org.cabintune.link.client;
