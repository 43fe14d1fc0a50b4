package org.fld4j.io.preprocess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fld4j.io.UInt8Image;

/**
 * The images that {@code src/test/python/make_resize_fixtures.py} resized with Pillow: a manifest naming the Pillow
 * version, filters, sizes and files, and per input image an NPZ of H x W x C uint8 arrays, {@code input} and
 * {@code <FILTER>_<H>x<W>}. Read here with a parser of its own so that the comparison does not lean on fld4j's readers.
 */
final class PillowResizeFixtures {

    private static final String FOLDER = "/org/fld4j/io/preprocess/";
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private PillowResizeFixtures() {
    }

    /** The manifest's lines, keyed by their first word; a key that repeats ({@code file}) keeps every value. */
    static Map<String, List<String>> manifest() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : new String(bytes(FOLDER + "pillow-resize.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                int space = line.indexOf(' ');
                m.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>()).add(line.substring(space + 1));
            }
        }
        return m;
    }

    /** The arrays of fixture file {@code name} as CHW images, by array name. */
    static Map<String, UInt8Image> images(String name) {
        Map<String, UInt8Image> images = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(stream(FOLDER + name))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String key = e.getName().replaceFirst("\\.npy$", "");
                images.put(key, parseNpy(name + ":" + key, zip.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return images;
    }

    /** An NPY version 1 array of dtype {@code |u1}, C order, shape H x W x C, as a CHW image. */
    private static UInt8Image parseNpy(String what, byte[] npy) {
        if (npy.length < 10 || (npy[0] & 0xFF) != 0x93 || npy[6] != 1) {
            throw new IllegalArgumentException(what + ": not an NPY version 1 array");
        }
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, what);
        String fortran = group(FORTRAN, header, what);
        String[] dims = group(SHAPE, header, what).split(",");
        if (!descr.equals("|u1") || !fortran.equals("False") || dims.length != 3) {
            throw new IllegalArgumentException(what + ": expected a C-order uint8 H x W x C array, header " + header);
        }
        int h = Integer.parseInt(dims[0].strip());
        int w = Integer.parseInt(dims[1].strip());
        int c = Integer.parseInt(dims[2].strip());
        int data = 10 + headerLength;
        if (npy.length - data != h * w * c) {
            throw new IllegalArgumentException(what + ": " + (npy.length - data) + " data bytes for " + header);
        }
        byte[] chw = new byte[c * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    chw[(ch * h + y) * w + x] = npy[data + (y * w + x) * c + ch];
                }
            }
        }
        return new UInt8Image(c, h, w, chw);
    }

    private static String group(Pattern p, String header, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(what + ": no " + p + " in NPY header " + header);
        }
        return m.group(1);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = stream(resource)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = PillowResizeFixtures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource
                    + "; make it with src/test/python/make_resize_fixtures.py");
        }
        return in;
    }
}
