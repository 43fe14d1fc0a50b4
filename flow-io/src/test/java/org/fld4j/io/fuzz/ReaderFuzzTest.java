package org.fld4j.io.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.fld4j.io.ValueRange;
import org.fld4j.io.array.ArrayLayout;
import org.fld4j.io.preflight.PreflightScanner;
import org.fld4j.io.source.ImageSources;

/**
 * Property-based fuzzing of the array and image readers: valid files mutated at random (bytes overwritten, the
 * file cut, bytes inserted, a header number replaced by an extreme one) must be read or refused by the
 * {@link ReadContract}. Seeds are fixed so that a run in CI is reproducible; a failure prints the mutation.
 */
@Tag("fuzz")
class ReaderFuzzTest {

    private static final Path ROOT = Path.of("target", "fuzz-cases", "properties");

    /** One edit of a file's bytes. */
    record Mutation(int kind, int position, int length, int value) {

        byte[] apply(byte[] original) {
            byte[] b = original.clone();
            int at = Math.floorMod(position, Math.max(1, b.length));
            switch (kind) {
                case 0 -> { // overwrite a run of bytes
                    for (int i = at; i < Math.min(b.length, at + length); i++) {
                        b[i] = (byte) (value + i);
                    }
                    return b;
                }
                case 1 -> { // cut the file
                    return HostileBytes.cut(b, at);
                }
                case 2 -> { // insert bytes
                    byte[] out = new byte[b.length + length];
                    System.arraycopy(b, 0, out, 0, at);
                    java.util.Arrays.fill(out, at, at + length, (byte) value);
                    System.arraycopy(b, at, out, at + length, b.length - at);
                    return out;
                }
                default -> { // an extreme 32-bit number written over four bytes (sizes, lengths, dimensions)
                    int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 65535, value};
                    int v = extremes[Math.floorMod(length, extremes.length)];
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (v >>> (8 * (3 - i)));
                    }
                    return b;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 4096), Arbitraries.integers().between(1, 64),
                Arbitraries.integers()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 150, seed = "16")
    void npyFiles(@ForAll("mutations") List<Mutation> edits) throws IOException {
        Path file = write("npy", "a.npy", mutate(HostileBytes.validNpy(3), edits));
        ReadContract.holds(file, () -> IoCorpusTest.readAll(ImageSources.npy(file).layout(ArrayLayout.NCHW)
                .range(ValueRange.UINT8).build()));
    }

    @Property(tries = 150, seed = "16")
    void npzFiles(@ForAll("mutations") List<Mutation> edits) throws IOException {
        byte[] valid = HostileBytes.zip("images.npy", HostileBytes.validNpy(3), "labels.npy", HostileBytes.validNpy(1));
        Path file = write("npz", "a.npz", mutate(valid, edits));
        ReadContract.holds(file, () -> IoCorpusTest.readAll(ImageSources.npz(file, "images")
                .layout(ArrayLayout.NCHW).range(ValueRange.UINT8).build()));
    }

    @Property(tries = 150, seed = "16")
    void idxFiles(@ForAll("mutations") List<Mutation> edits) throws IOException {
        byte[] valid = HostileBytes.idx(0x08, new int[] {3, 4, 4}, new byte[48]);
        Path file = write("idx", "a-idx3-ubyte", mutate(valid, edits));
        ReadContract.holds(file, () -> IoCorpusTest.readAll(ImageSources.idx(file).build()));
    }

    @Property(tries = 150, seed = "16")
    void pngFiles(@ForAll("mutations") List<Mutation> edits) throws IOException {
        Path file = write("png", "a.png", mutate(HostileBytes.png(12, 10, true), edits));
        Path folder = file.getParent();
        ReadContract.holds(folder, () -> IoCorpusTest.readAll(ImageSources.folder(folder).build()));
        ReadContract.holds(folder, () -> PreflightScanner.scan(ImageSources.folder(folder).build()).format());
    }

    private static byte[] mutate(byte[] valid, List<Mutation> edits) {
        byte[] b = valid;
        for (Mutation m : edits) {
            b = m.apply(b);
        }
        return b;
    }

    private static Path write(String kind, String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve(kind));
        return Files.write(folder.resolve(name), bytes);
    }
}
