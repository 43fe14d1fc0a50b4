package org.fld4j.core.internal.persist;

import java.nio.file.Files;
import java.nio.file.Path;

/** A program that exits (as on SIGTERM) in the middle of an atomic save of its first argument. */
final class ExitDuringSave {

    private ExitDuringSave() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), file -> {
            Files.writeString(file, "half");
            System.out.println(file.getFileName());
            System.out.flush();
            System.exit(0);
        });
    }
}
