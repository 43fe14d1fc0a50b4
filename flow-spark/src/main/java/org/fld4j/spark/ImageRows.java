package org.fld4j.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a table of images into {@link SparkImage}s: the {@code binaryFile} source's rows ({@code path},
 * {@code content}), or rows of decoded pixels ({@code pixels} as binary or an array of integers 0..255, with
 * {@code channels}, {@code height}, {@code width} and an optional {@code name}). A table of neither kind is refused
 * with its schema in the message.
 */
final class ImageRows {

    private ImageRows() {
    }

    /**
     * @param root a prefix to take off file paths (a folder's qualified path and a slash), or empty to keep them
     */
    static JavaRDD<SparkImage> toImages(Dataset<Row> images, String root) {
        StructType schema = images.schema();
        List<String> columns = Arrays.asList(schema.fieldNames());
        if (columns.contains("path") && columns.contains("content")) {
            return images.select("path", "content").javaRDD()
                    .map(row -> SparkImage.file(relative(row.getString(0), root), (byte[]) row.get(1)));
        }
        if (columns.containsAll(List.of("pixels", "channels", "height", "width"))) {
            DataType pixelType = schema.apply("pixels").dataType();
            boolean binary = pixelType.equals(DataTypes.BinaryType);
            if (!binary && !(pixelType instanceof ArrayType array && isInteger(array.elementType())
                    && !array.elementType().equals(DataTypes.ByteType))) {
                throw new IllegalArgumentException("the pixels column must be binary (unsigned bytes) or an array of"
                        + " integers 0..255; it is " + pixelType.simpleString()
                        + (pixelType instanceof ArrayType a && a.elementType().equals(DataTypes.ByteType)
                        ? " (Spark's bytes are signed: store pixels as binary or as int)" : ""));
            }
            for (String shape : List.of("channels", "height", "width")) {
                if (!isInteger(schema.apply(shape).dataType())) {
                    throw new IllegalArgumentException("column " + shape + " must be an integer, it is "
                            + schema.apply(shape).dataType().simpleString());
                }
            }
            boolean named = columns.contains("name");
            Dataset<Row> selected = named ? images.select("name", "pixels", "channels", "height", "width")
                    : images.select("pixels", "channels", "height", "width");
            return selected.javaRDD().zipWithIndex().map(pair -> {
                Row row = pair._1();
                int o = named ? 1 : 0;
                String name = named && !row.isNullAt(0) ? row.getString(0) : "pixels[" + pair._2() + "]";
                byte[] pixels = binary ? (byte[]) row.get(o) : toBytes(name, row.getList(o));
                return SparkImage.pixels(name, pixels, ((Number) row.get(o + 1)).intValue(),
                        ((Number) row.get(o + 2)).intValue(), ((Number) row.get(o + 3)).intValue());
            });
        }
        throw new IllegalArgumentException("a table of images has columns path and content (Spark's binaryFile"
                + " source) or pixels, channels, height and width (decoded images); this one has "
                + schema.simpleString());
    }

    private static String relative(String path, String root) {
        return !root.isEmpty() && path.startsWith(root) && path.length() > root.length()
                ? path.substring(root.length()) : path;
    }

    private static boolean isInteger(DataType type) {
        return type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
                || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
    }

    private static byte[] toBytes(String name, List<Object> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            long v = ((Number) values.get(i)).longValue();
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException(name + ": pixel value " + v + " at position " + i
                        + " is outside 0..255");
            }
            out[i] = (byte) v;
        }
        return out;
    }
}
