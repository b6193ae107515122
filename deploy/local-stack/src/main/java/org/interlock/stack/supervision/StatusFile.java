package org.interlock.stack.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code stack.status}: one tab-separated line per component (name, pid, state, restarts, last
 * exit), replaced whole on every change so that {@code deploy/stack status} never reads half of it.
 */
public final class StatusFile {

    public static final String HEADER = "# component\tpid\tstate\trestarts\tlast exit";

    private final Path file;

    public StatusFile(Path file) {
        this.file = file;
    }

    public synchronized void write(List<ComponentStatus> components) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        components.forEach(c -> text.append(c.line()).append('\n'));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
