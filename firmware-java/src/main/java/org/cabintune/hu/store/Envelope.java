package org.cabintune.hu.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * One file of the store: a header line that carries the content's length and CRC-32C, then
 * the content, e.g. {@code cabintune-store/1 crc32c=1a2b3c4d bytes=1234}. The header makes a
 * truncated or corrupted file recognisable as such, so the store can fall back to the last
 * good version instead of playing whatever survived.
 *
 * <p>Writing survives a power cut at any moment: the new content goes to a temporary file,
 * which is flushed to the device ({@code fsync}); the intact old file, if any, is renamed to
 * {@code NAME.prev} (the last good version); the temporary file is renamed over {@code NAME};
 * and the directory is flushed, so both renames are on the device before the write returns.
 * A rename replaces a name atomically, so at every moment {@code NAME} is either the old
 * whole file, absent with {@code NAME.prev} holding the old one, or the new whole file.
 */
final class Envelope {

    static final String MAGIC = "cabintune-store/1";
    /** The ending of the last good version. */
    static final String PREVIOUS = ".prev";
    /** The ending of an unfinished write (with a leading dot on the name). */
    static final String TEMPORARY = ".tmp";
    /** Largest file read: profiles are a few kilobytes; this leaves room for the biggest valid one. */
    static final int MAX_BYTES = 4 << 20;

    private static final Pattern HEADER = Pattern.compile(Pattern.quote(MAGIC) + " crc32c=([0-9a-f]{8}) bytes=(\\d{1,9})");

    private Envelope() {
    }

    /** A file that is there but not whole: truncated, corrupted, or not a store file at all. */
    static final class Corrupt extends Exception {
        Corrupt(String why) {
            super(why);
        }
    }

    /**
     * The content of {@code file}, checked against its header.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws Corrupt             when the file is not whole; the message says what is wrong
     */
    static byte[] read(Path file) throws IOException, Corrupt {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Corrupt("has " + size + " bytes, more than a store file ever has (" + MAX_BYTES + ")");
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length == 0) {
            throw new Corrupt("is empty");
        }
        int newline = indexOf(all, (byte) '\n', 80);
        if (newline < 0) {
            throw new Corrupt("has no header line (\"" + MAGIC + " crc32c=... bytes=...\")");
        }
        String header = new String(all, 0, newline, StandardCharsets.UTF_8);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new Corrupt("has the header \"" + printable(header) + "\", not \"" + MAGIC + " crc32c=... bytes=...\"");
        }
        int expected = Integer.parseInt(m.group(2));
        byte[] content = Arrays.copyOfRange(all, newline + 1, all.length);
        if (content.length < expected) {
            throw new Corrupt("is truncated: " + content.length + " of " + expected + " content bytes");
        }
        if (content.length > expected) {
            throw new Corrupt("has " + content.length + " content bytes, " + (content.length - expected)
                    + " more than its header says");
        }
        String stored = m.group(1);
        String actual = crc(content);
        if (!stored.equals(actual)) {
            throw new Corrupt("fails its checksum: the header says crc32c=" + stored + ", the content gives " + actual);
        }
        return content;
    }

    /** True when {@code file} exists and is whole. */
    static boolean intact(Path file) throws IOException {
        try {
            read(file);
            return true;
        } catch (NoSuchFileException | Corrupt e) {
            return false;
        }
    }

    /**
     * Replaces {@code dir/name} with {@code content}, power-cut safe (see the class comment).
     * When {@code keepPrevious}, an intact old file becomes {@code name.prev}.
     */
    static void write(Path dir, String name, byte[] content, boolean keepPrevious) throws IOException {
        Path tmp = dir.resolve("." + name + TEMPORARY);
        byte[] header = (MAGIC + " crc32c=" + crc(content) + " bytes=" + content.length + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(header.length + content.length).put(header).put(content).flip();
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Path target = dir.resolve(name);
        if (keepPrevious && intact(target)) {
            Files.move(target, dir.resolve(name + PREVIOUS), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
    }

    /**
     * Removes {@code dir/name} and its last good version: the old version first, so that a
     * cut in between leaves the file as it was rather than bring an old version back.
     */
    static void delete(Path dir, String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name + PREVIOUS));
        Files.deleteIfExists(dir.resolve(name));
        syncDirectory(dir);
    }

    /** Flushes a directory's entries (renames, removals) to the device. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static String crc(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return String.format("%08x", crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte b, int limit) {
        for (int i = 0; i < Math.min(bytes.length, limit); i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String printable(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
