package org.feedhub.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout the README describes, checked on the compiled classes (fully-qualified names in code
 * count as much as imports): no package cycles, and a story's stages in their order, each using
 * only earlier ones.
 */
class LayoutTest {
    static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages("org.feedhub");

    /** The stages in the order a story goes through them; packages on one line are one stage. */
    static final List<List<String>> STAGES =
            List.of(
                    List.of("fetch"),
                    List.of("parse"),
                    List.of("normalize"),
                    List.of("dedup", "identify"),
                    List.of("fulltext", "enrich"),
                    List.of("store"),
                    List.of("publish", "publish.web"));

    /** What runs the stages: no stage may use it. */
    static final List<String> ORCHESTRATION = List.of("pipeline", "batch", "app", "cli");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.feedhub.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aStageUsesNoLaterStage() {
        for (int i = 0; i < STAGES.size() - 1; i++) {
            noClasses()
                    .that()
                    .resideInAnyPackage(packages(STAGES.get(i)))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(packages(laterThan(i)))
                    .because("a story goes " + STAGES + " in that order")
                    .check(CLASSES);
        }
    }

    @Test
    void noStageUsesWhatRunsIt() {
        noClasses()
                .that()
                .resideInAnyPackage(packages(laterThan(-1)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(ORCHESTRATION))
                .check(CLASSES);
    }

    @Test
    void textHelpersAreALeaf() {
        classes()
                .that()
                .resideInAPackage("org.feedhub.text")
                .should()
                .onlyDependOnClassesThat()
                // libraries only, never a feedhub stage (Caffeine: the per-word stem cache)
                .resideInAnyPackage(
                        "org.feedhub.text",
                        "java..",
                        "org.jsoup..",
                        "org.apache.lucene..",
                        "com.github.benmanes.caffeine..")
                .check(CLASSES);
    }

    private static List<String> laterThan(int stage) {
        return STAGES.subList(stage + 1, STAGES.size()).stream().flatMap(List::stream).toList();
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.feedhub." + n).toArray(String[]::new);
    }
}
