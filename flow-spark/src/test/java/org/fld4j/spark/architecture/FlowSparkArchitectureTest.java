package org.fld4j.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** flow-spark stands on the libraries and knows nothing of the command line. */
@AnalyzeClasses(packages = "org.fld4j.spark", importOptions = ImportOption.DoNotIncludeTests.class)
class FlowSparkArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.fld4j.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knowsNothingAbove = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.fld4j.cli..", "org.fld4j.benchmarks..");
}
