package org.fld4j.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The command packages share only common and output, and nothing depends on the entry point. */
@AnalyzeClasses(packages = "org.fld4j.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class FlowCliArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.fld4j.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPackagesLookDown = noClasses()
            .that().resideInAnyPackage("org.fld4j.cli.common", "org.fld4j.cli.output")
            .should().dependOnClassesThat().resideInAnyPackage("org.fld4j.cli", "org.fld4j.cli.fld",
                    "org.fld4j.cli.report", "org.fld4j.cli.experiment", "org.fld4j.cli.distort",
                    "org.fld4j.cli.preflight", "org.fld4j.cli.verify", "org.fld4j.cli.published");

    @ArchTest
    static final ArchRule knowsNoBenchmark = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.fld4j.benchmarks..");
}
