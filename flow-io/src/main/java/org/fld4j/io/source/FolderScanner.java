package org.fld4j.io.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.InputProblem;
import org.fld4j.io.InputReportCollector;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.decode.ImageFormat;

/**
 * Lists the files of a folder in a stable order: sorted by their path relative to the folder, written with
 * {@code /}, compared by Unicode code points. The order therefore does not depend on the file system, the platform
 * or the locale, which is what makes seeded shuffles and subsets reproducible.
 */
final class FolderScanner {

    private FolderScanner() {
    }

    /**
     * Lists {@code root}.
     *
     * @param collector receives ignored files and, under SKIP, folders that could not be walked
     * @throws ImageInputException if the folder is missing, holds no images, or (under FAIL) part of it cannot
     *                             be walked
     */
    static List<ListedFile> list(Path root, FolderOptions options, BadInputPolicy policy,
                                 InputReportCollector collector) {
        if (!Files.exists(root)) {
            throw new ImageInputException(root.toString(), InputProblem.UNREADABLE, "folder does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new ImageInputException(root.toString(), InputProblem.UNREADABLE, "is not a folder");
        }
        List<ListedFile> found = new ArrayList<>();
        int[] ignored = {0};
        int[] skipped = {0};
        Set<FileVisitOption> visit = options.recursive() && options.links() != LinkPolicy.IGNORE
                ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        Path realRoot = realPath(root);
        int depth = options.recursive() ? Integer.MAX_VALUE : 1;
        try {
            Files.walkFileTree(root, visit, depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && options.ignoreHidden() && isHidden(dir)) {
                        collector.ignored(relative(root, dir) + "/ (hidden folder)");
                        ignored[0]++;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(root) && Files.isSymbolicLink(dir) && !linkAllowed(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Applies the link policy to a link; false if what it leads to must not be listed. */
                private boolean linkAllowed(Path link) {
                    String name = relative(root, link);
                    if (options.links() == LinkPolicy.IGNORE) {
                        collector.ignored(name + " (symbolic link)");
                        ignored[0]++;
                        return false;
                    }
                    if (realPath(link).startsWith(realRoot)) {
                        return true;
                    }
                    if (options.links() == LinkPolicy.FOLLOW) {
                        collector.warning(ImageWarning.LINK_LEAVES_FOLDER, name);
                        return true;
                    }
                    ImageInputException problem = new ImageInputException(name, InputProblem.LINK_OUTSIDE_FOLDER,
                            "symbolic link leads outside the folder, to " + realPath(link)
                            + "; not followed (links are limited to the folder)");
                    if (policy == BadInputPolicy.FAIL) {
                        throw problem;
                    }
                    collector.skipped(SkippedImage.of(problem));
                    skipped[0]++;
                    return false;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isDirectory()) {
                        return FileVisitResult.CONTINUE; // a sub-folder seen from a non-recursive listing
                    }
                    if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                        // a link to a folder, not followed: without recursion left out like a real sub-folder;
                        // with recursion only when links are ignored, which is recorded
                        if (options.recursive()) {
                            linkAllowed(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    if (Files.isSymbolicLink(file) && !linkAllowed(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = relative(root, file);
                    if (options.ignoreHidden() && isHidden(file)) {
                        collector.ignored(name + " (hidden file)");
                        ignored[0]++;
                    } else if (options.ignoreNonImages() && ImageFormat.forFileName(file).isEmpty()) {
                        collector.ignored(name + " (not an image file extension)");
                        ignored[0]++;
                    } else {
                        found.add(new ListedFile(file, name));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String name = relative(root, file);
                    ImageInputException problem;
                    if (e instanceof FileSystemLoopException) {
                        problem = new ImageInputException(name, InputProblem.SYMLINK_LOOP,
                                "symbolic link leads back to a folder already being listed; not followed", e);
                    } else if (e instanceof AccessDeniedException) {
                        problem = new ImageInputException(name, InputProblem.UNREADABLE,
                                "permission denied while listing", e);
                    } else {
                        problem = new ImageInputException(name, InputProblem.UNREADABLE,
                                "cannot be listed: " + e, e);
                    }
                    if (policy == BadInputPolicy.FAIL) {
                        throw problem;
                    }
                    collector.skipped(SkippedImage.of(problem));
                    skipped[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ImageInputException(root.toString(), InputProblem.UNREADABLE, "cannot be listed: " + e, e);
        }
        if (found.isEmpty()) {
            throw new ImageInputException(root.toString(), InputProblem.EMPTY_FOLDER, "folder holds no image files"
                    + (options.recursive() ? "" : " (not recursive)") + "; " + ignored[0] + " ignored on request, "
                    + skipped[0] + " could not be listed");
        }
        found.sort(Comparator.comparing(ListedFile::name));
        return found;
    }

    /** The real path, or the normalised absolute path for a link that leads nowhere. */
    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(p);
        } catch (IOException e) {
            return false;
        }
    }

    static String relative(Path root, Path p) {
        Path rel = root.relativize(p);
        StringBuilder s = new StringBuilder();
        for (Path part : rel) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(part);
        }
        return s.length() == 0 ? p.toString() : s.toString();
    }
}
