package org.cabintune.hu.audition;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Check;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldException;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.Reply;

/**
 * The unit's masters: the WAV and FLAC files in one directory and its folders (down to
 * {@value #MAX_DEPTH} levels), named by their path inside it with {@code /} between folders.
 * A name is resolved only to a regular file that really lies inside the directory: the
 * protocol already refuses {@code ..} and absolute paths, and a link that leads out of the
 * directory is refused here.
 */
public final class MediaLibrary {

    /** Folder levels searched below the directory. */
    static final int MAX_DEPTH = 4;

    private final Path root;

    private MediaLibrary(Path root) {
        this.root = root;
    }

    /** The library in {@code dir}, which must be a readable directory. */
    public static MediaLibrary open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("--media " + dir + " is not a directory");
        }
        return new MediaLibrary(dir.toRealPath());
    }

    /** The directory. */
    public Path directory() {
        return root;
    }

    /**
     * The masters, by name, the first {@link Limits#MAX_MEDIA_FILES} of them with their length,
     * rate and channels from their headers. Files whose header does not read, or whose name the
     * protocol cannot carry, are left out.
     */
    public Reply.Media list() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            files.filter(Files::isRegularFile).filter(MediaLibrary::isAudioName).filter(this::inside).map(this::nameOf)
                    .filter(MediaLibrary::carried).sorted().forEach(names::add);
        }
        List<Reply.MediaFile> listed = new ArrayList<>();
        for (String name : names) {
            if (listed.size() == Limits.MAX_MEDIA_FILES) {
                break;
            }
            try (FileChannel in = FileChannel.open(root.resolve(name)); AudioReader reader = AudioFiles.open(in)) {
                double seconds = reader.frameCount() < 0 ? 0 : reader.frameCount() / (double) reader.sampleRate();
                listed.add(new Reply.MediaFile(name, seconds, reader.sampleRate(), reader.channels()));
            } catch (IOException | IllegalArgumentException e) {
                // Not a master the unit can play; play-media names the reason when asked.
            }
        }
        return new Reply.Media(listed, Math.max(names.size(), listed.size()));
    }

    /**
     * The file a name stands for.
     *
     * @param field where the name sits in the request, for the refusal
     * @throws PortException {@code invalid-value} when the name leads out of the directory,
     *     {@code unknown-media} when no WAV or FLAC file has that name
     */
    public Path resolve(String name, String field) throws PortException {
        Path file = root.resolve(name).normalize();
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw unknown(name, field, "there is no such file");
        }
        if (!file.startsWith(root) || !real.startsWith(root)) {
            throw new PortException(ErrorCode.INVALID_VALUE, field + " = " + FieldPath.quote(name)
                    + " leads out of the unit's media directory");
        }
        if (!Files.isRegularFile(real) || !isAudioName(real)) {
            throw unknown(name, field, "it is not a .wav or .flac file");
        }
        return real;
    }

    private PortException unknown(String name, String field, String why) {
        return new PortException(ErrorCode.UNKNOWN_MEDIA, field + " = " + FieldPath.quote(name)
                + " is not a master in the unit's media directory: " + why + "; list-media lists them");
    }

    /** True when the file, links followed, lies in the directory. */
    private boolean inside(Path file) {
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private String nameOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isAudioName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".wav") || name.endsWith(".flac");
    }

    private static boolean carried(String name) {
        try {
            Check.mediaName("name", name);
            return true;
        } catch (FieldException e) {
            return false;
        }
    }
}
