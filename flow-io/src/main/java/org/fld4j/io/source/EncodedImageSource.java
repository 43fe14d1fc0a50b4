package org.fld4j.io.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.decode.DecodeOptions;
import org.fld4j.io.decode.ImageFileDecoder;

/**
 * Image files whose content is already in memory, e.g. rows of a distributed file listing: each is decoded on demand
 * exactly as the file itself would be ({@link ImageFileDecoder#decode(byte[], String, ImageId)}), with the same
 * limits, warnings, errors and bad-input policy, so that a set read this way gives the images a folder read gives.
 */
public final class EncodedImageSource implements ImageSource {

    private final String description;
    private final List<String> names;
    private final List<byte[]> contents;
    private final ImageFileDecoder decoder;
    private final BadInputPolicy policy;

    /**
     * @param description what the files are, for reports
     * @param names       each file's name or path, its identity in results and messages
     * @param contents    each file's bytes, not copied
     * @param decode      decoding limits
     * @param policy      what happens to a file that cannot be used
     */
    public EncodedImageSource(String description, List<String> names, List<byte[]> contents, DecodeOptions decode,
                              BadInputPolicy policy) {
        this.description = Objects.requireNonNull(description, "description");
        if (names.size() != contents.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + contents.size() + " contents");
        }
        this.names = List.copyOf(names);
        this.contents = new ArrayList<>(contents);
        this.contents.forEach(c -> Objects.requireNonNull(c, "contents must not contain null"));
        this.decoder = new ImageFileDecoder(decode);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public ImageId id(int index) {
        return ImageId.ofFile(names.get(index));
    }

    @Override
    public DecodedImage read(int index) {
        return decoder.decode(contents.get(index), names.get(index), id(index));
    }

    @Override
    public ImageHeader header(int index) {
        return decoder.readHeader(contents.get(index), names.get(index), id(index));
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return policy;
    }

    @Override
    public InputReport listingReport() {
        return InputReport.empty(description);
    }

    @Override
    public String description() {
        return description;
    }
}
