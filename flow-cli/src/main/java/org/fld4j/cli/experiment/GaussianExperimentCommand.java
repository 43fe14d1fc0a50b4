package org.fld4j.cli.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.EnumConverter;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.cli.output.OutputFolder;
import org.fld4j.cli.report.ExperimentReportWriter;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.metrics.gaussian.RandomGaussianOptions;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.likelihood.BandwidthRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fld experiment gaussian}: the Gaussian lab's grid, with every option of {@link GaussianLabOptions} and
 * its defaults.
 */
@Command(name = "gaussian", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The Gaussian lab: flows trained on Gaussians with known densities, tested around them.",
            "Trains dense flows on seeded Gaussians p with known densities and measures their likelihoods on"
                + " affine, perturbed and outlier test distributions around p over a grid of scales s and shifts t:"
                + " cross-entropies, KL divergences, likelihood-bound true-negative rates, overlaps, AUROC and the"
                + " density curves (docs/user-guide.md, 'Likelihood diagnostics with Gaussians').",
            "Writes " + GaussianExperimentFiles.RESULT_JSON + " (everything), " + GaussianExperimentFiles.TABLE_CSV
                    + " (one line per cell) and " + GaussianExperimentFiles.CURVES_CSV + " into --out; prints a"
                    + " summary. The defaults are the thesis' full grid: four flows, each trained for up to 5 to 40"
                    + " minutes, and 360 cells; e.g. --dims 2,8 --samples 2000 --training-samples 5000 is quick.",
            "Exit status: 0 done; 2 a wrong command line or a non-empty --out without --force; 5 training diverged."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld experiment gaussian --dims 2,8 --samples 2000 --out lab/", "  fld experiment gaussian --out lab-full/"})
public final class GaussianExperimentCommand implements Callable<Integer> {

    private static final GaussianLabOptions DEFAULTS = GaussianLabOptions.defaults();

    @Option(names = "--dims", split = ",", paramLabel = "D",
            description = "Dimensions of p (default ${DEFAULT-VALUE}).")
    List<Integer> dimensions = new ArrayList<>(DEFAULTS.dimensions());

    @Option(names = "--families", split = ",", paramLabel = "FAMILY",
            converter = FamilyConverter.class, description = "Test families: affine, perturbed, outlier (default all three).")
    List<TestFamily> families = new ArrayList<>(DEFAULTS.families());

    @Option(names = "--scales", split = ",", paramLabel = "s", description = "Scales s (default ${DEFAULT-VALUE}).")
    List<Double> scales = new ArrayList<>(DEFAULTS.scales());

    @Option(names = "--shifts", split = ",", paramLabel = "t", description = "Shifts t (default ${DEFAULT-VALUE}).")
    List<Double> shifts = new ArrayList<>(DEFAULTS.shifts());

    @Option(names = "--samples", paramLabel = "N",
            description = "Samples per test set and in the reference set (default ${DEFAULT-VALUE}).")
    int testSamples = DEFAULTS.testSamples();

    @Option(names = "--training-samples", paramLabel = "N",
            description = "Samples of p each flow is trained on (default ${DEFAULT-VALUE}).")
    int trainingSamples = DEFAULTS.trainingSamples();

    @Option(names = "--seed", description = "Seed everything is derived from (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--flow-preset", paramLabel = "[D:]key=value,...", converter = FlowPresetSpec.Converter.class,
            description = "Change the flow and its training budget, for dimension D or every dimension; repeatable."
                    + " Keys: couplings, hidden, layers, mixing (none|reverse|random-permutation|invertible-linear),"
                    + " lr, warmup, batch, epochs, time (e.g. 90s, 5m), validation, patience. E.g. epochs=3,time=1m"
                    + " or 100:hidden=128. Default per D: 4 couplings of width 32 for 10 epochs (D <= 10), 6 of 64"
                    + " for 15 (D <= 20), 8 of 64 for 30 above; time caps 5, 10, 20, 40 min.")
    List<FlowPresetSpec> presets = new ArrayList<>();

    @Option(names = "--alpha", description = "Variance of the perturbed family's isotropic noise (default ${DEFAULT-VALUE}).")
    double alpha = DEFAULTS.alpha();

    @Option(names = "--beta", description = "Size of the perturbed family's mean jitter (default ${DEFAULT-VALUE}).")
    double beta = DEFAULTS.beta();

    @Option(names = "--condition-number", paramLabel = "K",
            description = "Condition number of the covariances drawn for p and the outlier base (default ${DEFAULT-VALUE}).")
    double conditionNumber = DEFAULTS.distributions().conditionNumber();

    @Option(names = "--largest-variance", paramLabel = "V",
            description = "Largest eigenvalue of those covariances (default ${DEFAULT-VALUE}).")
    double largestVariance = DEFAULTS.distributions().largestVariance();

    @Option(names = "--mean-half-width", paramLabel = "W",
            description = "Mean entries are drawn from U[-W, W] (default ${DEFAULT-VALUE}).")
    double meanHalfWidth = DEFAULTS.distributions().meanHalfWidth();

    @Option(names = "--kde-points", paramLabel = "N", description = "Points of each density curve (default ${DEFAULT-VALUE}).")
    int kdePoints = DEFAULTS.kdePoints();

    @Option(names = "--bandwidth", paramLabel = "silverman|scott", converter = BandwidthConverter.class,
            description = "Bandwidth rule of the kernel density estimates (default silverman).")
    BandwidthRule bandwidthRule = DEFAULTS.bandwidthRule();

    @Option(names = "--tpr", paramLabel = "RATE",
            description = "True-positive rate the likelihood bounds are fitted for on the reference set (default ${DEFAULT-VALUE}).")
    double targetTruePositiveRate = DEFAULTS.targetTruePositiveRate();

    @Option(names = "--chunk-rows", paramLabel = "N", description = "Samples drawn and scored at a time (default ${DEFAULT-VALUE}).")
    int chunkRows = DEFAULTS.chunkRows();

    @Option(names = "--batch", paramLabel = "N", description = "Samples per model evaluation (default ${DEFAULT-VALUE}).")
    int modelBatchSize = DEFAULTS.modelBatchSize();

    @Option(names = "--workers", paramLabel = "N",
            description = "Test sets scored at once, each on its own thread; results do not depend on it (default: the"
                    + " number of processors, ${DEFAULT-VALUE}).")
    int workers = DEFAULTS.workers();

    @Option(names = "--threads", paramLabel = "N",
            description = "Native threads per operation; one is fastest for these small dense flows (default ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the results into.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty --out, replacing the files of the same names.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        GaussianLabOptions options = options();
        if (threads < 1) {
            throw new CliException(ExitCode.USAGE, "--threads must be >= 1, got " + threads);
        }
        OutputFolder.prepare(out, force);
        NativeThreads.set(threads);
        GaussianLabResult result = GaussianExperiment.run(options, out);
        // the figures go in a folder of their own, so the results beside them stay what the lab wrote
        Path report = ExperimentReportWriter.write(result, out.resolve(GaussianExperimentFiles.REPORT_FOLDER), force);
        Cli.message("report: " + report);
        LabSummary summary = LabSummary.of(result);
        if (json) {
            ObjectNode doc = JsonResults.document("experiment gaussian", provenance(options));
            GaussianExperimentJson.fill((ObjectNode) doc.get("result"), summary, out, result.rows().size());
            JsonResults.print(doc);
        } else {
            Cli.out().print(GaussianSummaryText.format(summary, out));
        }
        return ExitCode.OK.status();
    }

    /** The lab's options from the command line; exit 2 naming the option when one is invalid. */
    GaussianLabOptions options() {
        try {
            GaussianLabOptions.Builder builder = DEFAULTS.toBuilder().dimensions(dimensions.toArray(Integer[]::new))
                    .families(families.toArray(TestFamily[]::new)).scales(scales.toArray(Double[]::new))
                    .shifts(shifts.toArray(Double[]::new)).testSamples(testSamples).trainingSamples(trainingSamples)
                    .seed(seed).perturbation(alpha, beta)
                    .distributions(new RandomGaussianOptions(conditionNumber, largestVariance, meanHalfWidth))
                    .kdePoints(kdePoints).bandwidthRule(bandwidthRule).targetTruePositiveRate(targetTruePositiveRate)
                    .chunkRows(chunkRows).modelBatchSize(modelBatchSize).workers(workers);
            for (int d : dimensions) {
                for (FlowPresetSpec spec : presets) {
                    if (spec.appliesTo(d)) {
                        builder.preset(d, spec.applyTo(builder.build().presetFor(d)));
                    }
                }
            }
            for (FlowPresetSpec spec : presets) {
                if (spec.dimension() != null && !dimensions.contains(spec.dimension())) {
                    throw new CliException(ExitCode.USAGE, "--flow-preset " + spec + " names D=" + spec.dimension()
                            + ", which is not among --dims " + dimensions);
                }
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    private Provenance provenance(GaussianLabOptions o) {
        return Provenance.builder().seed(o.seed()).option("dims", o.dimensions())
                .option("families", o.families().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList())
                .option("scales", o.scales()).option("shifts", o.shifts()).option("samples", o.testSamples())
                .option("trainingSamples", o.trainingSamples()).option("alpha", o.alpha()).option("beta", o.beta())
                .option("conditionNumber", o.distributions().conditionNumber())
                .option("largestVariance", o.distributions().largestVariance())
                .option("meanHalfWidth", o.distributions().meanHalfWidth()).option("kdePoints", o.kdePoints())
                .option("bandwidth", o.bandwidthRule().name().toLowerCase(Locale.ROOT))
                .option("tpr", o.targetTruePositiveRate())
                .option("flowPresets", presets.stream().map(FlowPresetSpec::toString).toList()).build();
    }

    static final class FamilyConverter extends EnumConverter<TestFamily> {
        FamilyConverter() {
            super(TestFamily.class, "test family");
        }
    }

    static final class BandwidthConverter extends EnumConverter<BandwidthRule> {
        BandwidthConverter() {
            super(BandwidthRule.class, "bandwidth rule");
        }
    }
}
