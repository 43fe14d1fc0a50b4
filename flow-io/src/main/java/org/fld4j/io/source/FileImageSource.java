package org.fld4j.io.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.decode.ImageFileDecoder;

/**
 * A source whose images are files, decoded one at a time on demand. Holds only the list of paths, so its memory
 * does not grow with image size. Built by {@link FileSourceBuilder}.
 */
public final class FileImageSource implements ImageSource {

    private final List<Path> files;
    private final List<ImageId> ids;
    private final ImageFileDecoder decoder;
    private final BadInputPolicy policy;
    private final InputReport listingReport;
    private final String description;

    FileImageSource(List<Path> files, List<String> names, ImageFileDecoder decoder, BadInputPolicy policy,
                    InputReport listingReport, String description) {
        if (files.size() != names.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + names.size() + " names");
        }
        this.files = List.copyOf(files);
        this.ids = names.stream().map(ImageId::ofFile).toList();
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listingReport = Objects.requireNonNull(listingReport, "listingReport");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public ImageId id(int index) {
        return ids.get(index);
    }

    @Override
    public DecodedImage read(int index) {
        return decoder.decode(files.get(index), ids.get(index));
    }

    @Override
    public ImageHeader header(int index) {
        return decoder.readHeader(files.get(index), ids.get(index));
    }

    @Override
    public Optional<Path> file(int index) {
        return Optional.of(files.get(index));
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return policy;
    }

    @Override
    public InputReport listingReport() {
        return listingReport;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (" + files.size() + " files)";
    }
}
