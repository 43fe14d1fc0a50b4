package org.fld4j.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fld4j.io.fuzz.HostileBytes.ascii;
import static org.fld4j.io.fuzz.HostileBytes.cut;
import static org.fld4j.io.fuzz.HostileBytes.idx;
import static org.fld4j.io.fuzz.HostileBytes.npy;
import static org.fld4j.io.fuzz.HostileBytes.plus;
import static org.fld4j.io.fuzz.HostileBytes.u8Dict;
import static org.fld4j.io.fuzz.HostileBytes.validNpy;
import static org.fld4j.io.fuzz.HostileBytes.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageSource;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputReport;
import org.fld4j.io.ValueRange;
import org.fld4j.io.array.ArrayLayout;
import org.fld4j.io.array.CifarVariant;
import org.fld4j.io.preflight.PreflightScanner;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of crafted array and image files, each read as a user would: every one is read normally (with the
 * shape it declares) or refused naming the file, within the memory budget, writing nothing ({@link ReadContract}).
 * Images are also read under {@code SKIP}, where a bad file must be reported and left out, never thrown, and
 * summarised by pre-flight, which must list it and never throw.
 */
@Tag("fuzz")
class IoCorpusTest {

    private static final Path ROOT = Path.of("target", "fuzz-cases", "io");

    private enum Reader { NPY, NPZ, IDX, CIFAR, IMAGE }

    private record Case(String name, Reader reader, String fileName, byte[] bytes) {
    }

    @TestFactory
    Stream<DynamicTest> everyCraftedFileIsReadOrRefusedNamingIt() {
        List<Case> cases = new ArrayList<>();
        npyCases(cases);
        npzCases(cases);
        idxCases(cases);
        cifarCases(cases);
        imageCases(cases);
        assertThat(cases.size()).as("crafted files in the corpus").isGreaterThanOrEqualTo(100);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.reader() + ": " + c.name(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve(c.reader().name().toLowerCase() + "-"
                + Integer.toHexString(c.name().hashCode())));
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path file = Files.write(folder.resolve(c.fileName()), c.bytes());
        outcome(c, switch (c.reader()) {
            case NPY -> ReadContract.holds(file, () -> readAll(ImageSources.npy(file).layout(ArrayLayout.NCHW)
                    .range(ValueRange.UINT8).build()));
            case NPZ -> ReadContract.holds(file, () -> readAll(ImageSources.npz(file, "images")
                    .layout(ArrayLayout.NCHW).range(ValueRange.UINT8).build()));
            case IDX -> ReadContract.holds(file, () -> readAll(ImageSources.idx(file).build()));
            case CIFAR -> ReadContract.holds(file, () -> readAll(ImageSources.cifar(CifarVariant.CIFAR10,
                    List.of(file)).build()));
            case IMAGE -> {
                ImageInputException failed = ReadContract.holds(folder,
                        () -> readAll(ImageSources.folder(folder).build()));
                ReadContract.holds(folder, () -> {
                    InputReport report = readAll(ImageSources.folder(folder).badInput(BadInputPolicy.SKIP).build());
                    assertThat(report.imagesRead() + report.skipped().size()).as("read or reported").isEqualTo(1);
                });
                ReadContract.holds(folder, () -> PreflightScanner.scan(ImageSources.folder(folder).build()).format());
                yield failed;
            }
        });
    }

    /** Prints what became of a case: the catalogue of refusals reads as the readers' error messages. */
    private static void outcome(Case c, ImageInputException refused) {
        System.out.println(c.reader() + " | " + c.name() + " | "
                + (refused == null ? "read" : "refused: " + refused.getMessage()));
    }

    /** Reads every image as scoring does; returns the report. */
    static InputReport readAll(ImageSource source) {
        long images = 0;
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(8))) {
            while (stream.hasNext()) {
                images += stream.next().size();
            }
            assertThat(images).isLessThanOrEqualTo(source.size());
            return stream.report();
        }
    }

    private static void npyCases(List<Case> cases) {
        byte[] data32 = new byte[32];
        add(cases, Reader.NPY, "valid two images", "a.npy", validNpy(2));
        add(cases, Reader.NPY, "empty file", "a.npy", new byte[0]);
        add(cases, Reader.NPY, "one byte", "a.npy", new byte[] {(byte) 0x93});
        add(cases, Reader.NPY, "magic only", "a.npy", cut(validNpy(1), 6));
        add(cases, Reader.NPY, "wrong magic", "a.npy", plus(ascii("NUMPY!"), cut(validNpy(1), 200)));
        for (int major : new int[] {0, 4, 255}) {
            byte[] b = validNpy(1);
            b[6] = (byte) major;
            add(cases, Reader.NPY, "format version " + major, "a.npy", b);
        }
        add(cases, Reader.NPY, "format 2.0", "a.npy", npy(2, u8Dict("(2, 1, 4, 4)"), data32));
        add(cases, Reader.NPY, "format 3.0", "a.npy", npy(3, u8Dict("(2, 1, 4, 4)"), data32));
        byte[] longHeader = validNpy(1);
        longHeader[8] = (byte) 0xFF;
        longHeader[9] = (byte) 0xFF;
        add(cases, Reader.NPY, "header length past the file", "a.npy", longHeader);
        byte[] v2Huge = npy(2, u8Dict("(2, 1, 4, 4)"), data32);
        ByteBuffer.wrap(v2Huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, Integer.MAX_VALUE);
        add(cases, Reader.NPY, "format 2 header length 2^31-1", "a.npy", v2Huge);
        add(cases, Reader.NPY, "header length zero", "a.npy", plus(cut(validNpy(1), 8), (byte) 0, (byte) 0));
        String[] dicts = {
            "{'descr': '|u1', 'fortran_order': False, }",
            "{'fortran_order': False, 'shape': (2, 1, 4, 4), }",
            "{'descr': '|u1', 'shape': (2, 1, 4, 4), }",
            "{'descr': '<c16', 'fortran_order': False, 'shape': (2, 1, 4, 4), }",
            "{'descr': '|O', 'fortran_order': False, 'shape': (2, 1, 4, 4), }",
            "{'descr': '<U8', 'fortran_order': False, 'shape': (2, 1, 4, 4), }",
            "{'descr': '>f8', 'fortran_order': False, 'shape': (1, 1, 2, 2), }",
            "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 1, 2, 2), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (32,), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (-1, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (0, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 0, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (4611686018427387904, 4, 1, 1), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (99999999999999999999, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (10000000000, 1, 28, 28), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 1, 4, 4, 1, 1, 1, 1, 1, 1, 1), }",
            "{'descr': '|u1', 'fortran_order': 'yes', 'shape': (2, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 1, 4, 4)",
            "{'descr': '|u1' 'fortran_order': False 'shape': (2, 1, 4, 4) }",
            "[1, 2, 3]",
            "{'descr': '\u00ff\u00fe', 'fortran_order': False, 'shape': (2, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 1, 4, 4), 'shape': (9, 9, 9, 9), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2.5, 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': ((2,), 1, 4, 4), }",
            "{'descr': '|u1', 'fortran_order': False, 'shape': " + "(".repeat(5000) + ", }",
        };
        for (int i = 0; i < dicts.length; i++) {
            add(cases, Reader.NPY, "header dict " + i + ": " + abbreviate(dicts[i]), "a.npy", npy(dicts[i], data32));
        }
        add(cases, Reader.NPY, "data one byte short", "a.npy", cut(validNpy(2), validNpy(2).length - 1));
        add(cases, Reader.NPY, "data one byte long", "a.npy", plus(validNpy(2), (byte) 1));
        add(cases, Reader.NPY, "float data with NaN and infinities", "a.npy",
                npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2), }",
                        ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN)
                                .putFloat(Float.POSITIVE_INFINITY).putFloat(-1e30f).putFloat(300f).array()));
    }

    private static void npzCases(List<Case> cases) {
        byte[] one = validNpy(2);
        add(cases, Reader.NPZ, "valid", "a.npz", zip("images.npy", one));
        add(cases, Reader.NPZ, "empty file", "a.npz", new byte[0]);
        add(cases, Reader.NPZ, "empty zip", "a.npz", zip());
        add(cases, Reader.NPZ, "no such entry", "a.npz", zip("other.npy", one));
        add(cases, Reader.NPZ, "entry is not NPY", "a.npz", zip("images.npy", ascii("hello, world")));
        add(cases, Reader.NPZ, "entry is a zip", "a.npz", zip("images.npy", zip("images.npy", one)));
        add(cases, Reader.NPZ, "entry truncated", "a.npz", zip("images.npy", cut(one, one.length - 3)));
        add(cases, Reader.NPZ, "entry with trailing data", "a.npz", zip("images.npy", plus(one, (byte) 9)));
        add(cases, Reader.NPZ, "directory entry named images.npy", "a.npz", zip("images.npy/", new byte[0]));
        add(cases, Reader.NPZ, "entry name climbs out", "a.npz", zip("../images.npy", one));
        Object[] many = new Object[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            many[2 * i] = "e" + i + ".npy";
            many[2 * i + 1] = new byte[0];
        }
        add(cases, Reader.NPZ, "2000 empty entries", "a.npz", zip(many));
        byte[] good = zip("images.npy", one);
        add(cases, Reader.NPZ, "central directory cut off", "a.npz", cut(good, good.length - 10));
        add(cases, Reader.NPZ, "only the local header", "a.npz", cut(good, 40));
        byte[] flipped = good.clone();
        flipped[45] ^= 0x5A;
        add(cases, Reader.NPZ, "compressed data damaged", "a.npz", flipped);
        byte[] npyHeader = npy(u8Dict("(2, 1, 4, 4)"), new byte[0]);
        add(cases, Reader.NPZ, "header says 1000 bytes, inflates to 1 GiB", "a.npz",
                HostileBytes.lyingZip("images.npy", npyHeader, 1L << 30, 1000));
        byte[] hugeHeader = npy(u8Dict("(100000000, 1, 28, 28)"), new byte[0]);
        add(cases, Reader.NPZ, "NPY header declares 78 GB, entry inflates to 64 MiB", "a.npz",
                HostileBytes.lyingZip("images.npy", hugeHeader, 64L << 20, hugeHeader.length));
        add(cases, Reader.NPZ, "NPY header declares 400 MB, entry holds 1 MiB", "a.npz",
                HostileBytes.lyingZip("images.npy", npy(u8Dict("(500000, 1, 28, 28)"), new byte[0]), 1 << 20, 100));
        add(cases, Reader.NPZ, "random bytes", "a.npz", random(4096, 1));
    }

    private static void idxCases(List<Case> cases) {
        byte[] pixels = new byte[2 * 4 * 4];
        add(cases, Reader.IDX, "valid", "a-idx3-ubyte", idx(0x08, new int[] {2, 4, 4}, pixels));
        add(cases, Reader.IDX, "empty file", "a-idx3-ubyte", new byte[0]);
        add(cases, Reader.IDX, "three bytes", "a-idx3-ubyte", new byte[] {0, 0, 8});
        add(cases, Reader.IDX, "bad magic", "a-idx3-ubyte", plus(new byte[] {1, 2, 8, 3}, cut(pixels, 12)));
        for (int type : new int[] {0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x07, 0xFF}) {
            add(cases, Reader.IDX, "element type 0x" + Integer.toHexString(type), "a-idx3-ubyte",
                    idx(type, new int[] {2, 4, 4}, new byte[2 * 4 * 4 * 8]));
        }
        add(cases, Reader.IDX, "zero dimensions", "a-idx3-ubyte", idx(0x08, new int[0], pixels));
        add(cases, Reader.IDX, "255 dimensions", "a-idx3-ubyte", idx(0x08, new int[255], pixels));
        add(cases, Reader.IDX, "negative dimension", "a-idx3-ubyte", idx(0x08, new int[] {-2, 4, 4}, pixels));
        add(cases, Reader.IDX, "dimensions overflow", "a-idx3-ubyte",
                idx(0x08, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, pixels));
        add(cases, Reader.IDX, "declares 10^9 images, holds 2", "a-idx3-ubyte",
                idx(0x08, new int[] {1_000_000_000, 4, 4}, pixels));
        add(cases, Reader.IDX, "one byte short", "a-idx3-ubyte", idx(0x08, new int[] {2, 4, 4}, cut(pixels, 31)));
        add(cases, Reader.IDX, "one byte long", "a-idx3-ubyte", idx(0x08, new int[] {2, 4, 4}, plus(pixels, (byte) 1)));
        add(cases, Reader.IDX, "gzip valid", "a-idx3-ubyte.gz",
                HostileBytes.gzip(idx(0x08, new int[] {2, 4, 4}, pixels)));
        add(cases, Reader.IDX, "gzip cut short", "a-idx3-ubyte.gz",
                cut(HostileBytes.gzip(idx(0x08, new int[] {2, 4, 4}, pixels)), 20));
        add(cases, Reader.IDX, "gzip declares 10^9 images, inflates to 32 MiB", "a-idx3-ubyte.gz",
                HostileBytes.gzip(idx(0x08, new int[] {1_000_000_000, 4, 4}, new byte[32 << 20])));
        add(cases, Reader.IDX, "not gzip behind a .gz name", "a-idx3-ubyte.gz", idx(0x08, new int[] {2, 4, 4}, pixels));
    }

    private static void cifarCases(List<Case> cases) {
        int record = 1 + 3 * 32 * 32;
        add(cases, Reader.CIFAR, "one record", "data_batch_1.bin", new byte[record]);
        add(cases, Reader.CIFAR, "empty file", "data_batch_1.bin", new byte[0]);
        add(cases, Reader.CIFAR, "one byte short of a record", "data_batch_1.bin", new byte[record - 1]);
        add(cases, Reader.CIFAR, "one byte past a record", "data_batch_1.bin", new byte[record + 1]);
        byte[] label = new byte[record];
        label[0] = (byte) 200;
        add(cases, Reader.CIFAR, "label out of range", "data_batch_1.bin", label);
        add(cases, Reader.CIFAR, "random bytes", "data_batch_1.bin", random(2 * record, 2));
    }

    private static void imageCases(List<Case> cases) {
        byte[] png = HostileBytes.png(8, 8, false);
        add(cases, Reader.IMAGE, "valid PNG", "a.png", png);
        add(cases, Reader.IMAGE, "empty PNG", "a.png", new byte[0]);
        add(cases, Reader.IMAGE, "PNG signature only", "a.png", cut(png, 8));
        add(cases, Reader.IMAGE, "text named .png", "a.png", ascii("this is not an image"));
        add(cases, Reader.IMAGE, "random bytes named .png", "a.png", random(2048, 3));
        add(cases, Reader.IMAGE, "IHDR 65535x65535", "a.png", HostileBytes.withHeader(png, 65535, 65535, 8, 0));
        add(cases, Reader.IMAGE, "IHDR 2^31-1 wide", "a.png", HostileBytes.withHeader(png, Integer.MAX_VALUE, 1, 8, 0));
        add(cases, Reader.IMAGE, "IHDR zero size", "a.png", HostileBytes.withHeader(png, 0, 0, 8, 0));
        add(cases, Reader.IMAGE, "IHDR negative width", "a.png", HostileBytes.withHeader(png, -8, 8, 8, 0));
        add(cases, Reader.IMAGE, "IHDR bit depth 7", "a.png", HostileBytes.withHeader(png, 8, 8, 7, 0));
        add(cases, Reader.IMAGE, "IHDR colour type 5", "a.png", HostileBytes.withHeader(png, 8, 8, 8, 5));
        add(cases, Reader.IMAGE, "7999x7999 16-bit RGBA, 2 KB of data", "a.png",
                HostileBytes.pngOf(7999, 7999, 16, 6, new byte[2048]));
        add(cases, Reader.IMAGE, "7999x7999 16-bit RGBA, complete (512 MB of pixels)", "a.png",
                HostileBytes.pngOfZeros(7999, 7999, 16, 6, 8));
        add(cases, Reader.IMAGE, "4096x4096 16-bit RGBA, 64 KB of data", "a.png",
                HostileBytes.pngOf(4096, 4096, 16, 6, new byte[1 << 16]));
        add(cases, Reader.IMAGE, "IDAT shorter than the image", "a.png", HostileBytes.pngOf(64, 64, 8, 0, new byte[100]));
        int idat = HostileBytes.indexOf(png, "IDAT");
        add(cases, Reader.IMAGE, "cut inside IDAT", "a.png", cut(png, idat + 10));
        add(cases, Reader.IMAGE, "cut before IEND", "a.png", cut(png, png.length - 12));
        byte[] damaged = png.clone();
        damaged[idat + 6] ^= (byte) 0xFF;
        add(cases, Reader.IMAGE, "IDAT data damaged", "a.png", damaged);
        byte[] badCrc = png.clone();
        badCrc[idat + 4 + readInt(png, idat - 4)] ^= 1;
        add(cases, Reader.IMAGE, "IDAT CRC wrong", "a.png", badCrc);
        add(cases, Reader.IMAGE, "PNG named .jpg", "a.jpg", png);
        add(cases, Reader.IMAGE, "JPEG SOF 65500x65500, no data", "a.jpg", jpegHeader(65500, 65500));
        add(cases, Reader.IMAGE, "JPEG SOI only", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        add(cases, Reader.IMAGE, "BMP 100000x100000, no data", "a.bmp", bmpHeader(100_000, 100_000));
        add(cases, Reader.IMAGE, "BMP negative size", "a.bmp", bmpHeader(-5, -5));
        add(cases, Reader.IMAGE, "GIF 65535x65535, no data", "a.gif", gifHeader(65535, 65535));
        add(cases, Reader.IMAGE, "TIFF header only", "a.tif", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        add(cases, Reader.IMAGE, "PGM 100000x100000, no data", "a.pgm", ascii("P5\n100000 100000\n255\n"));
        add(cases, Reader.IMAGE, "PGM maxval 0", "a.pgm", plus(ascii("P5\n2 2\n0\n"), new byte[4]));
    }

    private static int readInt(byte[] b, int at) {
        return ByteBuffer.wrap(b).getInt(at);
    }

    private static byte[] jpegHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + 2 + 15 + 2);
        b.put((byte) 0xFF).put((byte) 0xD8);                  // SOI
        b.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17); // SOF0, length 17
        b.put((byte) 8).putShort((short) height).putShort((short) width).put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        b.put((byte) 0xFF).put((byte) 0xD9);                  // EOI
        return cut(b.array(), b.position());
    }

    private static byte[] bmpHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(54).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24);
        b.putInt(0).putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    private static byte[] gifHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(6 + 7 + 10 + 1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("GIF89a")).putShort((short) width).putShort((short) height).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put((byte) 0x3B);
        return b.array();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static void add(List<Case> cases, Reader reader, String name, String fileName, byte[] bytes) {
        cases.add(new Case(name, reader, fileName, bytes));
    }
}
