package org.fld4j.metrics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** flow-metrics stands on flow-core and flow-io and knows nothing of the modules above it. */
@AnalyzeClasses(packages = "org.fld4j.metrics", importOptions = ImportOption.DoNotIncludeTests.class)
class FlowMetricsArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.fld4j.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knowsNothingAbove = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.fld4j.cli..", "org.fld4j.spark..", "org.fld4j.benchmarks..");

    /**
     * flow-core's kernels, native probe and conditioner networks are its inside; of the kernel package only the batch
     * helpers are shared (flow-metrics does use the internal file parts and seeded draws, as fld4j's own module).
     */
    @ArchTest
    static final ArchRule usesNoKernel = noClasses().should().dependOnClassesThat(
            resideInAnyPackage("org.fld4j.core.internal.kernel", "org.fld4j.core.internal.backend",
                    "org.fld4j.core.conditioner")
                    .and(DescribedPredicate.not(simpleName("Tensors"))));
}
