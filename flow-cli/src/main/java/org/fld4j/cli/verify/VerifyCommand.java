package org.fld4j.cli.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.io.data.FashionMnistSlice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fld verify}: the self-check on built-in data. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check this installation on built-in data against known and documented values.",
            "(a) A dense flow learns a seeded Gaussian (its"
                + " held-out log-likelihood against the exact -H(p)); (b) a small flow trained for 3 epochs on the"
                + " built-in Fashion-MNIST slice gives the documented held-out bits/dim, FLD near 0 for real test"
                + " images and clearly above 0 for noised ones; (c) image -> latents -> image is exact; (d) the same"
                + " seed gives the same result twice. About a minute on two cores.",
            "Each check prints PASS or FAIL with the measured value, the expected range and where the range comes"
                    + " from.",
            "Exit status: 0 when every check passes, 1 when one fails."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld verify", "  fld verify --json"})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        GaussianDemo.Options gaussian = SelfTest.gaussianDefaults();
        ImageBudget images = ImageBudget.documented();
        List<CheckResult> checks = SelfTest.run(gaussian, images);
        long failed = checks.stream().filter(c -> !c.passed()).count();
        if (json) {
            ObjectNode doc = JsonResults.document("verify", Provenance.builder().preset("small").seed(images.seed())
                    .count("trainingImages", FashionMnistSlice.TRAIN_COUNT).count("testImages", FashionMnistSlice.TEST_COUNT).option("imageEpochs", images.epochs())
                    .option("imageThreads", images.threads()).option("gaussianDimension", gaussian.dimension())
                    .option("gaussianSeed", gaussian.seed()).build());
            VerifyJson.fill((ObjectNode) doc.get("result"), checks);
            JsonResults.print(doc);
        } else {
            Cli.out().print(VerifyText.format(checks));
        }
        if (failed > 0) {
            Cli.err().println("fld: verify: " + failed + " of " + checks.size() + " checks failed: "
                    + String.join(", ", checks.stream().filter(c -> !c.passed()).map(CheckResult::id).toList())
                    + " (exit status 1)");
            return ExitCode.INTERNAL.status();
        }
        return ExitCode.OK.status();
    }
}
