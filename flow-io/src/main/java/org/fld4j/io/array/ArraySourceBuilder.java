package org.fld4j.io.array;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.InputProblem;
import org.fld4j.io.ValueRange;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds an {@link ArrayImageSource} from an ND4J array, Java arrays, an NPY/NPZ file, an IDX file or CIFAR batch
 * files. Start from the factories on {@link org.fld4j.io.source.ImageSources}.
 *
 * <p>Two things are never guessed:
 * <ul>
 *   <li>the <b>layout</b> ({@link #layout}) of NPY/NPZ data, which must be named; ND4J and Java arrays default to
 *       {@link ArrayLayout#NCHW}; IDX is always {@link ArrayLayout#NHW}, CIFAR always {@code NCHW};</li>
 *   <li>the <b>value range</b> ({@link #range}) of non-byte data, which must be declared. Byte data (byte arrays,
 *       uint8 NPY, IDX, CIFAR) is {@link ValueRange#UINT8} by definition.</li>
 * </ul>
 * Files are opened and their headers checked by {@link #build()}, which throws an
 * {@link ImageInputException} naming the file when the container as a whole is unusable. Problems with single
 * images (non-finite or out-of-range values) follow the {@link #badInput} policy when the images are read.
 */
public final class ArraySourceBuilder {

    private enum Kind { ND_ARRAY, BYTES, FLOATS, NPY, NPZ, IDX, CIFAR }

    private IdxFile idxInMemory;

    private final Kind kind;
    private INDArray ndArray;
    private byte[][] byteRows;
    private float[][] floatRows;
    private ImageShape rowShape;
    private Path file;
    private String entry;
    private CifarVariant cifarVariant;
    private List<Path> cifarFiles;

    private ArrayLayout layout;
    private ValueRange range;
    private BadInputPolicy policy = BadInputPolicy.FAIL;
    private String name;
    private int[] labels;
    private Path labelFile;

    private ArraySourceBuilder(Kind kind) {
        this.kind = kind;
    }

    /** See {@link org.fld4j.io.source.ImageSources#array}. */
    public static ArraySourceBuilder forNdArray(INDArray array) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.ND_ARRAY);
        b.ndArray = Objects.requireNonNull(array, "array");
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#bytes}. */
    public static ArraySourceBuilder forBytes(byte[][] images, ImageShape shape) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.BYTES);
        b.byteRows = Objects.requireNonNull(images, "images");
        b.rowShape = Objects.requireNonNull(shape, "shape");
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#floats}. */
    public static ArraySourceBuilder forFloats(float[][] images, ImageShape shape) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.FLOATS);
        b.floatRows = Objects.requireNonNull(images, "images");
        b.rowShape = Objects.requireNonNull(shape, "shape");
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#npy}. */
    public static ArraySourceBuilder forNpy(Path file) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.NPY);
        b.file = Objects.requireNonNull(file, "file");
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#npz}. */
    public static ArraySourceBuilder forNpz(Path file, String entry) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.NPZ);
        b.file = Objects.requireNonNull(file, "file");
        b.entry = Objects.requireNonNull(entry, "entry");
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#idx}. */
    public static ArraySourceBuilder forIdx(Path images) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.IDX);
        b.file = Objects.requireNonNull(images, "images");
        b.layout = ArrayLayout.NHW;
        return b;
    }

    /**
     * IDX images from a stream, e.g. a class-path resource; read into memory now (gzip recognised by content).
     * The stream is not closed.
     *
     * @param name the container name for identities and messages
     * @throws ImageInputException naming {@code name} if the data is not valid IDX
     */
    public static ArraySourceBuilder forIdx(String name, java.io.InputStream images) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.IDX);
        b.idxInMemory = IdxFile.read(Objects.requireNonNull(name, "name"), Objects.requireNonNull(images, "images"));
        b.layout = ArrayLayout.NHW;
        return b;
    }

    /** See {@link org.fld4j.io.source.ImageSources#cifar}. */
    public static ArraySourceBuilder forCifar(CifarVariant variant, List<Path> files) {
        ArraySourceBuilder b = new ArraySourceBuilder(Kind.CIFAR);
        b.cifarVariant = Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        b.cifarFiles = List.copyOf(files);
        b.layout = ArrayLayout.NCHW;
        return b;
    }

    /**
     * How the axes are ordered. Required for NPY/NPZ; for ND4J and Java arrays defaults to NCHW (for Java arrays
     * it describes each row); fixed for IDX and CIFAR.
     *
     * @throws IllegalArgumentException if the format has a fixed layout and {@code value} differs from it
     */
    public ArraySourceBuilder layout(ArrayLayout value) {
        Objects.requireNonNull(value, "layout");
        if ((kind == Kind.IDX || kind == Kind.CIFAR) && value != layout) {
            throw new IllegalArgumentException("layout " + value + " is not possible for " + kind
                    + " data, which is always " + layout);
        }
        this.layout = value;
        return this;
    }

    /**
     * The range the values cover. Required for ND4J arrays, float rows and float NPY data; byte data accepts only
     * {@link ValueRange#UINT8}.
     */
    public ArraySourceBuilder range(ValueRange value) {
        this.range = Objects.requireNonNull(value, "range");
        return this;
    }

    /** What to do with images holding non-finite or out-of-range values. Default {@link BadInputPolicy#FAIL}. */
    public ArraySourceBuilder badInput(BadInputPolicy value) {
        this.policy = Objects.requireNonNull(value, "badInput");
        return this;
    }

    /** The container name used in image identities; defaults to the file name, or {@code array}/{@code images}. */
    public ArraySourceBuilder name(String value) {
        Objects.requireNonNull(value, "name");
        if (value.isBlank()) {
            throw new IllegalArgumentException("name must not be blank: '" + value + "'");
        }
        this.name = value;
        return this;
    }

    /** Class labels, one per image (checked at {@link #build()}). Not for CIFAR, whose files carry their own. */
    public ArraySourceBuilder labels(int[] value) {
        Objects.requireNonNull(value, "labels");
        requireNotCifar();
        this.labels = value.clone();
        this.labelFile = null;
        return this;
    }

    /** Class labels from a one-dimensional IDX file (e.g. {@code train-labels-idx1-ubyte.gz}). */
    public ArraySourceBuilder labels(Path idxLabels) {
        Objects.requireNonNull(idxLabels, "labels");
        requireNotCifar();
        this.labelFile = idxLabels;
        this.labels = null;
        return this;
    }

    private void requireNotCifar() {
        if (kind == Kind.CIFAR) {
            throw new IllegalStateException("CIFAR files carry their own labels");
        }
    }

    /**
     * Opens the data and returns the source.
     *
     * @throws IllegalArgumentException if a required option is missing or an option does not fit the data
     * @throws ImageInputException      naming the file if a file is unusable as a whole
     */
    public ArrayImageSource build() {
        ImageArray array = switch (kind) {
            case ND_ARRAY -> new NdArrayImages(ndArray, orDefault(layout), nameOr("array"));
            case BYTES -> new ByteRowImages(byteRows, rowShape, orDefault(layout), nameOr("images"));
            case FLOATS -> new FloatRowImages(floatRows, rowShape, orDefault(layout), nameOr("images"));
            case NPY -> new NpyImages(NpyArray.open(file), requireLayout(), nameOr(fileName(file)));
            case NPZ -> new NpyImages(NpzArchive.open(file, entry), requireLayout(),
                    nameOr(fileName(file) + "/" + entry));
            case IDX -> idxInMemory != null ? new IdxImages(idxInMemory, nameOr(idxInMemory.name()))
                    : new IdxImages(IdxFile.open(file), nameOr(fileName(file)));
            case CIFAR -> new CifarImages(cifarVariant, cifarFiles);
        };
        ValueRange effective = effectiveRange(array);
        int[] effectiveLabels = labels;
        String labelSource = "labels";
        if (labelFile != null) {
            effectiveLabels = IdxFile.readLabels(labelFile);
            labelSource = labelFile.toString();
        }
        if (array instanceof CifarImages cifar) {
            effectiveLabels = cifar.labels();
        }
        if (effectiveLabels != null && effectiveLabels.length != array.count()) {
            String message = effectiveLabels.length + " labels for " + array.count() + " images";
            if (labelFile != null) {
                throw new ImageInputException(labelSource, InputProblem.SHAPE_MISMATCH, message);
            }
            throw new IllegalArgumentException("labels: " + message);
        }
        return new ArrayImageSource(array, effective, policy, effectiveLabels);
    }

    private ValueRange effectiveRange(ImageArray array) {
        if (array.storesBytes()) {
            if (range != null && range != ValueRange.UINT8) {
                throw new IllegalArgumentException("range " + range + " does not fit " + array.format()
                        + " data, which holds bytes 0..255; use UINT8 or leave it unset");
            }
            return ValueRange.UINT8;
        }
        if (range == null) {
            throw new IllegalArgumentException("range must be declared for " + array.format() + " data ("
                    + array.name() + "): UINT8, UNIT or SIGNED; it is never guessed from the values");
        }
        return range;
    }

    private ArrayLayout orDefault(ArrayLayout value) {
        return value == null ? ArrayLayout.NCHW : value;
    }

    private ArrayLayout requireLayout() {
        if (layout == null) {
            throw new IllegalArgumentException("layout must be named for " + kind + " file " + file
                    + ": NHW, NHWC or NCHW; it is never guessed from the shape");
        }
        return layout;
    }

    private String nameOr(String fallback) {
        return name != null ? name : fallback;
    }

    private static String fileName(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
