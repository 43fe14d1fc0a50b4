package org.fld4j.cli.common;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a result came from, recorded with every result: enough to reproduce it or to see that two results
 * are not comparable.
 *
 * @param fld4jVersion  the version that computed it
 * @param command       the command line, as given
 * @param createdAt     when (UTC, ISO-8601)
 * @param preset        the reference flow's preset, or null when none was involved
 * @param seed          the seed of every random draw, or null when nothing was drawn
 * @param counts        image counts by role, e.g. {@code realHeldOut}, {@code generated}, {@code skipped}
 * @param fingerprints  SHA-256 content fingerprints by role, e.g. {@code real}, {@code generated}
 * @param options       every option that changes the result, by name
 * @param java          Java version and vendor
 * @param spark         where a Spark job computed it (master, application id, executors, partitions); absent when
 *                      it ran on this machine alone
 */
public record Provenance(String fld4jVersion, List<String> command, String createdAt, String preset, Long seed,
                         Map<String, Long> counts, Map<String, String> fingerprints, Map<String, Object> options,
                         String java,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         Map<String, Object> spark) {

    public Provenance {
        Objects.requireNonNull(fld4jVersion, "fld4jVersion");
        command = List.copyOf(command);
        Objects.requireNonNull(createdAt, "createdAt");
        // insertion order is kept: the JSON lists fields in the order the command recorded them
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        fingerprints = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        spark = spark == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(spark));
    }

    /** A builder that fills version, time, Java and the running command line. */
    public static Builder builder() {
        return new Builder(Cli.commandLine());
    }

    /** Collects provenance while a command runs. */
    public static final class Builder {
        private final List<String> command;
        private String preset;
        private Long seed;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, String> fingerprints = new LinkedHashMap<>();
        private final Map<String, Object> options = new LinkedHashMap<>();
        private Map<String, Object> spark;

        private Builder(List<String> command) {
            this.command = List.copyOf(command);
        }

        public Builder preset(String value) {
            this.preset = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder count(String role, long value) {
            counts.put(role, value);
            return this;
        }

        public Builder fingerprint(String role, String sha256) {
            fingerprints.put(role, sha256);
            return this;
        }

        public Builder option(String name, Object value) {
            options.put(name, value);
            return this;
        }

        /** The Spark job that computed the result. */
        public Builder spark(String master, String applicationId, int executors, int partitions) {
            spark = new LinkedHashMap<>();
            spark.put("master", master);
            spark.put("applicationId", applicationId);
            spark.put("executors", executors);
            spark.put("partitions", partitions);
            return this;
        }

        public Provenance build() {
            return new Provenance(Version.fld4j(), command, Instant.now().toString(), preset, seed, counts,
                    fingerprints, options, System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                    + ")", spark);
        }
    }
}
