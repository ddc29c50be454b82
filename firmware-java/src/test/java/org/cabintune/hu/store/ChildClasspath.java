package org.cabintune.hu.store;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The test's class path for a child JVM, with its class directories packed into one jar: the
 * JVM archives classes for a faster start (class-data sharing) only from jars.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    /** {@code classpath} with its directories replaced by {@code jar}, which holds them in order. */
    static String jarred(String classpath, Path jar) throws IOException {
        List<String> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String entry : classpath.split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.isDirectory(p)) {
                    entries.add(entry);
                    continue;
                }
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = p.relativize(f).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        entries.addFirst(jar.toString());
        return String.join(File.pathSeparator, entries);
    }
}
