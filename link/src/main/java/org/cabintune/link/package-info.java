/**
 * The control protocol shared by the tuner and the head unit: message types, codec, framing
 * and transports. Its contents arrive with the link work; the module exists now so the
 * dependency direction {@code dsp-core <- link <- firmware-java} is fixed from the start.
 */
package org.cabintune.link;
