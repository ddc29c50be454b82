package org.cabintune.dsp.flac;

import java.io.ByteArrayOutputStream;

/** Writes bits most significant first, for building FLAC structures in tests. */
final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int pending;
    private int count;

    BitWriter bits(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            pending = pending << 1 | (int) ((value >>> i) & 1);
            if (++count == 8) {
                out.write(pending);
                pending = 0;
                count = 0;
            }
        }
        return this;
    }

    /** Zero bits up to the next byte boundary. */
    BitWriter align() {
        while (count != 0) {
            bits(0, 1);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
