package org.fld4j.references;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * A reference shipped in this artifact, to score generated images against without training:
 * {@code BuiltinReference.FASHION_MNIST.load().score(generated)}. Each one's bytes are checked against the content
 * hash it was published with before they are read, so a damaged or altered jar fails instead of scoring.
 */
public enum BuiltinReference {

    /**
     * The {@code fld-paper} flow trained on the Fashion-MNIST training split (28x28 gray images as stored), with the
     * 10,000 test images as its held-out real set; test bits/dim and its card are in docs/user-guide.md.
     */
    FASHION_MNIST("fashion-mnist", "49626ec2157cfaced541f6e9577c1efe7d90c5f1f33e55019f29bdfce27df825");

    /** Where the references are on the class path, one {@code NAME.fld} each. */
    public static final String FOLDER = "org/fld4j/references/";

    private final String id;
    private final String sha256;

    BuiltinReference(String id, String sha256) {
        this.id = id;
        this.sha256 = sha256;
    }

    /** The name {@code --ref builtin:NAME} takes, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The content hash the file was published with, as {@code fld info} prints it: {@code sha256:} and 64 digits. */
    public String contentHash() {
        return ReferenceFileHash.PREFIX + sha256;
    }

    /** The class-path resource that holds the reference file. */
    public String resource() {
        return FOLDER + id + ".fld";
    }

    /** The reference named {@code id} (as {@link #id()} spells it, any case), if this artifact ships it. */
    public static Optional<BuiltinReference> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (BuiltinReference r : values()) {
            if (r.id.equals(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The reference, ready to score: its bytes are verified against {@link #contentHash()}, written to a temporary
     * file (the reference loader reads files, with its size caps), loaded and the temporary file removed.
     *
     * @throws IOException when the resource is missing or its bytes do not have the published hash
     */
    public Fld load() throws IOException {
        byte[] bytes = bytes();
        Path file = Files.createTempFile("fld4j-" + id + "-", ".fld");
        try {
            Files.write(file, bytes);
            return Fld.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The reference file's bytes, verified against {@link #contentHash()}.
     *
     * @throws IOException when the resource is missing or its bytes do not have the published hash
     */
    public byte[] bytes() throws IOException {
        byte[] bytes;
        try (InputStream in = BuiltinReference.class.getClassLoader().getResourceAsStream(resource())) {
            if (in == null) {
                throw new IOException("built-in reference " + id + " is missing from the class path (" + resource()
                        + "): the flow-references jar is incomplete");
            }
            bytes = in.readAllBytes();
        }
        String actual = ReferenceFileHash.format(ReferenceFileHash.newDigest().digest(bytes));
        if (!actual.equals(contentHash())) {
            throw new IOException("built-in reference " + id + " (" + resource() + ") has content hash "
                    + actual + ", not the published " + contentHash() + ": the jar is damaged or was altered");
        }
        return bytes;
    }
}
