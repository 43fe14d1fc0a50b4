package org.fld4j.io.source;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;

/**
 * A view of some images of another source, in a chosen order; nothing is copied or decoded. Used for shuffles
 * and explicit subsets. Identities, labels and files are those of the underlying images.
 */
public final class SubsetSource implements ImageSource {

    private final ImageSource parent;
    private final int[] indices;
    private final String description;

    /**
     * @param parent  the source to view
     * @param indices positions in {@code parent}, each at most once; copied
     * @throws IllegalArgumentException if an index is out of range or repeated, or there are none
     */
    public SubsetSource(ImageSource parent, int[] indices) {
        this(parent, indices.clone(), parent.description() + ", subset of " + indices.length);
    }

    private SubsetSource(ImageSource parent, int[] indices, String description) {
        this.parent = Objects.requireNonNull(parent, "parent");
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices must not be empty");
        }
        BitSet seen = new BitSet(parent.size());
        for (int i : indices) {
            if (i < 0 || i >= parent.size()) {
                throw new IllegalArgumentException("index " + i + " is outside 0.." + (parent.size() - 1));
            }
            if (seen.get(i)) {
                throw new IllegalArgumentException("index " + i + " appears more than once");
            }
            seen.set(i);
        }
        this.indices = indices;
        this.description = description;
    }

    /**
     * All of {@code parent}, in the order of a Fisher-Yates shuffle driven by {@code new Random(seed)}:
     * for {@code i} from {@code n-1} down to 1, swap {@code i} with {@code nextInt(i + 1)}.
     */
    public static SubsetSource shuffled(ImageSource parent, long seed) {
        int[] order = permutation(parent.size(), seed);
        return new SubsetSource(parent, order, parent.description() + ", shuffled with seed " + seed);
    }

    /** The shuffled order of {@code 0..n-1} that {@link #shuffled} uses. */
    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public ImageId id(int index) {
        return parent.id(indices[index]);
    }

    @Override
    public DecodedImage read(int index) {
        return parent.read(indices[index]);
    }

    @Override
    public ImageHeader header(int index) {
        return parent.header(indices[index]);
    }

    @Override
    public OptionalInt label(int index) {
        return parent.label(indices[index]);
    }

    @Override
    public Optional<Path> file(int index) {
        return parent.file(indices[index]);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return parent.badInputPolicy();
    }

    @Override
    public InputReport listingReport() {
        return parent.listingReport();
    }

    @Override
    public String description() {
        return description;
    }
}
