package org.fld4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure that docs/architecture.md describes, checked on flow-core's compiled classes: no
 * package depends on itself through others, flow-core knows nothing of the modules above it or of
 * flow-io, and each layer of packages only looks down.
 */
@AnalyzeClasses(packages = "org.fld4j.core", importOptions = ImportOption.DoNotIncludeTests.class)
class FlowCoreArchitectureTest {

    /** Every package of flow-core, the root one included, is a slice of its own. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.fld4j.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knowsNoOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.fld4j.io..", "org.fld4j.metrics..", "org.fld4j.cli..", "org.fld4j.spark..",
                    "org.fld4j.benchmarks..");

    /** Kernels, memory, backend and the layer contract are what layers are built from, never the reverse. */
    @ArchTest
    static final ArchRule foundationLooksDown = noClasses()
            .that().resideInAnyPackage("org.fld4j.core.internal..", "org.fld4j.core.memory", "org.fld4j.core.backend",
                    "org.fld4j.core.transform")
            .should().dependOnClassesThat().resideInAnyPackage("org.fld4j.core", "org.fld4j.core.layer",
                    "org.fld4j.core.image", "org.fld4j.core.coupling", "org.fld4j.core.conditioner",
                    "org.fld4j.core.train", "org.fld4j.core.data", "org.fld4j.core.units");

    /**
     * The internal packages stay behind the API: no public method, constructor or field of an API class takes or
     * gives an internal type, so a user never needs to name one (they are left out of the published javadoc).
     */
    @ArchTest
    static final ArchRule apiExposesNoInternalType = members()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("org.fld4j.core.internal..")
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<JavaMember>("take or give no type of org.fld4j.core.internal") {
                @Override
                public void check(JavaMember member, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>();
                    if (member instanceof JavaCodeUnit unit) {
                        types.addAll(unit.getRawParameterTypes());
                        types.add(unit.getRawReturnType());
                    } else if (member instanceof JavaField field) {
                        types.add(field.getRawType());
                    }
                    for (JavaClass type : types) {
                        if (type.getPackageName().startsWith("org.fld4j.core.internal")) {
                            events.add(SimpleConditionEvent.violated(member, member.getFullName() + " exposes "
                                    + type.getName()));
                        }
                    }
                }
            });

    /** Layers know nothing of flows, training or files: those are assembled above them. */
    @ArchTest
    static final ArchRule layersKnowNoFlow = noClasses()
            .that().resideInAnyPackage("org.fld4j.core.layer", "org.fld4j.core.image", "org.fld4j.core.coupling",
                    "org.fld4j.core.conditioner")
            .should().dependOnClassesThat().resideInAnyPackage("org.fld4j.core", "org.fld4j.core.internal.persist",
                    "org.fld4j.core.train");

    /** The file format's parts know nothing of flows: {@code FlowFiles} in the root package puts them together. */
    @ArchTest
    static final ArchRule persistKnowsNoFlow = noClasses()
            .that().resideInAnyPackage("org.fld4j.core.persist", "org.fld4j.core.internal.persist")
            .should().dependOnClassesThat().resideInAnyPackage("org.fld4j.core", "org.fld4j.core.train",
                    "org.fld4j.core.layer", "org.fld4j.core.image", "org.fld4j.core.coupling",
                    "org.fld4j.core.conditioner");

    /** Which natives load is the backend module's choice (flow-backend-cpu), made before ND4J loads: flow-core sets no system property. */
    @ArchTest
    static final ArchRule backendChosenElsewhere = noClasses()
            .should().callMethod(System.class, "setProperty", String.class, String.class);
}
