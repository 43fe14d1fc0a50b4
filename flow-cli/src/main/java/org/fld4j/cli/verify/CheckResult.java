package org.fld4j.cli.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * One self-check's outcome: a measured value and the range it must lie in.
 *
 * @param id       a short stable name, e.g. {@code gaussian-likelihood}
 * @param what     what was measured, in words
 * @param measured the measured value (NaN when it could not be measured, which fails)
 * @param low      the lowest value that passes
 * @param high     the highest value that passes
 * @param unit     the unit of the value, e.g. {@code nats}; empty for pure numbers
 * @param basis    where the range comes from: a closed form or a documented result
 * @param elapsed  how long the check took (shared work counted where it was done)
 */
public record CheckResult(String id, String what, double measured, double low, double high, String unit,
                          String basis, Duration elapsed) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(elapsed, "elapsed");
        if (!(low <= high)) {
            throw new IllegalArgumentException("range [" + low + ", " + high + "] of " + id + " is empty");
        }
    }

    /** Whether the measured value lies in {@code [low, high]}. */
    public boolean passed() {
        return measured >= low && measured <= high;
    }
}
