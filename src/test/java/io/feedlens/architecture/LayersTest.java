package io.feedlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The folders are the architecture: views → app → lineage, and JavaFX only in views. */
@AnalyzeClasses(packages = "io.feedlens", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule arrowsPointFromViewsToAppToLineage = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("views").definedBy("io.feedlens.views..")
            .layer("app").definedBy("io.feedlens.app..")
            .layer("lineage").definedBy("io.feedlens.lineage..")
            .whereLayer("views").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("views")
            .whereLayer("lineage").mayOnlyBeAccessedByLayers("app", "views");

    @ArchTest
    static final ArchRule javaFxStaysInViews = noClasses()
            .that().resideInAnyPackage("io.feedlens.app..", "io.feedlens.lineage..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
            .because("app/ and lineage/ are headless: the command line and the tests run them without a display");

    @ArchTest
    static final ArchRule lineageNeedsNoKafkaClient = noClasses()
            .that().resideInAPackage("io.feedlens.lineage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
            .because("the lineage engine works on extracted facts; reading Kafka is the app's job");
}
