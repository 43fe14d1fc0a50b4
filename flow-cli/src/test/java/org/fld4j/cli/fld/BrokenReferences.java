package org.fld4j.cli.fld;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.metrics.fld.Fld;

/** Damaged copies of a saved reference, made by code: NaN weights, a truncated file. */
final class BrokenReferences {

    private BrokenReferences() {
    }

    /** A copy of {@code reference} whose flow has NaN weights; its held-out statistics are untouched. */
    static Path withNanWeights(Path reference, Path target) throws IOException {
        Path flowFile = Files.createTempFile(target.getParent(), "flow", ".fld4j");
        Fld.load(reference).reference().flow().save(flowFile);
        FlowNetwork network = Flow.load(flowFile).toNetwork();
        network.parameters().assign(Double.NaN);
        Flow.of(network).save(flowFile);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(reference));
             OutputStream raw = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("flow.fld4j")) {
                    Files.copy(flowFile, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.delete(flowFile);
        return target;
    }

    /** The first half of {@code file}, written over it. */
    static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (InputStream ignored = Files.newInputStream(file)) {
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
    }
}
