package org.cabintune.hu.render;

/** A reason the render cannot go on, worded for the person who typed the command. */
final class RenderException extends Exception {

    RenderException(String message) {
        super(message);
    }
}
