package org.fld4j.io.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * flow-io's layering, checked on its compiled classes: the root package is the shared vocabulary and looks at no
 * subpackage, no package depends on itself through others, and flow-io knows nothing of flow-core or of the modules
 * built on it.
 */
@AnalyzeClasses(packages = "org.fld4j.io", importOptions = ImportOption.DoNotIncludeTests.class)
class FlowIoArchitectureTest {

    private static final String ROOT = "org.fld4j.io";

    /** The root package is one slice, and each {@code org.fld4j.io.(*)..} is one. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of(ROOT);
            }
            if (name.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(ROOT + "." + name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return ROOT + " and each " + ROOT + ".(*)..";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule rootLooksAtNoSubpackage = noClasses().that().resideInAPackage(ROOT)
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT)));

    @ArchTest
    static final ArchRule knowsNoOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.fld4j.core..", "org.fld4j.metrics..", "org.fld4j.cli..", "org.fld4j.spark..",
                    "org.fld4j.benchmarks..");
}
