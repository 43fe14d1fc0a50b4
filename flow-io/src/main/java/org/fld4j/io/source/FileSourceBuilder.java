package org.fld4j.io.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputReportCollector;
import org.fld4j.io.decode.DecodeOptions;
import org.fld4j.io.decode.ImageFileDecoder;

/**
 * Builds a {@link FileImageSource} from a folder ({@code ImageSources.folder(dir)}) or an explicit list of files
 * ({@code ImageSources.files(list)}).
 *
 * <p>A folder is listed when {@link #build()} is called: only paths are kept, nothing is decoded. Listing problems
 * (a symbolic link loop, a folder that cannot be opened) fail the build under {@link BadInputPolicy#FAIL} and are
 * recorded in the source's {@link FileImageSource#listingReport()} under {@link BadInputPolicy#SKIP}. A folder
 * without images always fails with {@link org.fld4j.io.InputProblem#EMPTY_FOLDER}.
 */
public final class FileSourceBuilder {

    private final Path folder;
    private final List<Path> files;
    private boolean recursive;
    private boolean ignoreHidden;
    private boolean ignoreNonImages;
    private BadInputPolicy policy = BadInputPolicy.FAIL;
    private LinkPolicy links = LinkPolicy.FOLLOW;
    private DecodeOptions decodeOptions = DecodeOptions.defaults();

    private FileSourceBuilder(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = files;
    }

    /** A builder for the images in {@code folder}. */
    public static FileSourceBuilder forFolder(Path folder) {
        return new FileSourceBuilder(Objects.requireNonNull(folder, "folder"), null);
    }

    /** A builder for exactly {@code files}, in the given order. */
    public static FileSourceBuilder forFiles(List<Path> files) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        files.forEach(f -> Objects.requireNonNull(f, "files must not contain null"));
        return new FileSourceBuilder(null, List.copyOf(files));
    }

    /** Descend into sub-folders. Folders only. */
    public FileSourceBuilder recursive(boolean value) {
        requireFolder("recursive");
        this.recursive = value;
        return this;
    }

    /** Leave out hidden files and folders (see {@link FolderOptions#ignoreHidden()}). Folders only. */
    public FileSourceBuilder ignoreHidden(boolean value) {
        requireFolder("ignoreHidden");
        this.ignoreHidden = value;
        return this;
    }

    /** Leave out files without an image extension (see {@link FolderOptions#ignoreNonImages()}). Folders only. */
    public FileSourceBuilder ignoreNonImages(boolean value) {
        requireFolder("ignoreNonImages");
        this.ignoreNonImages = value;
        return this;
    }

    /** What symbolic links do (see {@link LinkPolicy}). Default {@link LinkPolicy#FOLLOW}. Folders only. */
    public FileSourceBuilder links(LinkPolicy value) {
        requireFolder("links");
        this.links = Objects.requireNonNull(value, "links");
        return this;
    }

    /** What to do with files that cannot be used. Default {@link BadInputPolicy#FAIL}. */
    public FileSourceBuilder badInput(BadInputPolicy value) {
        this.policy = Objects.requireNonNull(value, "badInput");
        return this;
    }

    /** The largest width x height accepted (see {@link DecodeOptions#maxPixels()}). */
    public FileSourceBuilder maxPixels(long value) {
        this.decodeOptions = decodeOptions.withMaxPixels(value); // validates now, so the error points at this call
        return this;
    }

    /** The largest decoded raster accepted, in bytes (see {@link DecodeOptions#maxDecodedBytes()}). */
    public FileSourceBuilder maxDecodedBytes(long value) {
        this.decodeOptions = decodeOptions.withMaxDecodedBytes(value);
        return this;
    }

    /** Both decoding limits at once. */
    public FileSourceBuilder decodeOptions(DecodeOptions value) {
        this.decodeOptions = Objects.requireNonNull(value, "decodeOptions");
        return this;
    }

    /**
     * Lists the folder (or takes the file list) and returns the source.
     *
     * @throws ImageInputException if the folder is missing or empty, or under FAIL cannot be fully listed
     */
    public FileImageSource build() {
        ImageFileDecoder decoder = new ImageFileDecoder(decodeOptions);
        if (folder == null) {
            List<String> names = new ArrayList<>(files.size());
            for (Path f : files) {
                names.add(f.toString().replace('\\', '/'));
            }
            InputReportCollector collector = new InputReportCollector("files (" + files.size() + ")");
            return new FileImageSource(files, names, decoder, policy, collector.snapshot(),
                    "files (" + files.size() + ")");
        }
        FolderOptions options = new FolderOptions(recursive, ignoreHidden, ignoreNonImages, links);
        String description = "folder " + folder + (recursive ? " (recursive)" : "");
        InputReportCollector collector = new InputReportCollector(description);
        List<ListedFile> listed = FolderScanner.list(folder, options, policy, collector);
        List<Path> paths = new ArrayList<>(listed.size());
        List<String> names = new ArrayList<>(listed.size());
        for (ListedFile f : listed) {
            paths.add(f.path());
            names.add(f.name());
        }
        return new FileImageSource(paths, names, decoder, policy, collector.snapshot(), description);
    }

    private void requireFolder(String option) {
        if (folder == null) {
            throw new IllegalStateException(option + " applies to folders only, not to an explicit file list");
        }
    }
}
