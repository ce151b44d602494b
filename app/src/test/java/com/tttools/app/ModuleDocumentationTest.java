package com.tttools.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation comes from the code: this test writes Spring Modulith's component diagram, one diagram
 * and one canvas per module into {@code docs/modules/} (commit what it changes), and checks that every module
 * declares its allowed dependencies and that the "may use" column of docs/architecture.md says exactly that.
 */
class ModuleDocumentationTest {

    static final Path DOCS = docs();
    static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|$");
    static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    @Test
    void writesTheComponentDiagramAndEachModulesDiagramAndCanvasIntoDocsModules() throws IOException {
        Path out = DOCS.resolve("modules");
        Documenter.DiagramOptions diagrams = Documenter.DiagramOptions.defaults()
                .withStyle(Documenter.DiagramOptions.DiagramStyle.UML);
        new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.writeString(file, stable(Files.readString(file)));
            }
        }

        assertThat(out.resolve("components.puml")).isNotEmptyFile();
        ModularityTest.MODULES.stream().forEach(module -> {
            assertThat(out.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(out.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        });
    }

    @Test
    void everyModuleDeclaresItsDependenciesAndTheArchitectureTableListsExactlyThose() throws IOException {
        Map<String, Set<String>> declared = new TreeMap<>();
        ModularityTest.MODULES.stream().forEach(module -> {
            ApplicationModule annotation = annotationOf(module.getBasePackage().getName());
            assertThat(annotation).as("@ApplicationModule on %s's package-info.java", module.getIdentifier()).isNotNull();
            assertThat(annotation.allowedDependencies())
                    .as("%s must declare allowedDependencies (its package-info.java)", module.getIdentifier())
                    .doesNotContain("¯\\_(ツ)_/¯");
            declared.put(module.getIdentifier().toString(),
                    Arrays.stream(annotation.allowedDependencies()).map(ModuleDocumentationTest::normalized)
                            .collect(Collectors.toCollection(TreeSet::new)));
        });

        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(DOCS.resolve("architecture.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Set<String> mayUse = new TreeSet<>();
                Matcher quoted = QUOTED.matcher(row.group(2));
                while (quoted.find()) {
                    mayUse.add(normalized(quoted.group(1)));
                }
                documented.put(row.group(1), mayUse);
            }
        }

        assertThat(documented).as("""
                docs/architecture.md's module table ("| `module` | owns | may use |", may use = each allowed dependency \
                in backticks, e.g. `platform :: web`) must match the modules' allowedDependencies""")
                .isEqualTo(declared);
    }

    /**
     * The Documenter lists relationships and canvas entries in no fixed order; sorting each run of them keeps the
     * committed files unchanged until the modules change (neither PlantUML nor AsciiDoc gives the order a meaning).
     */
    static String stable(String generated) {
        List<String> lines = new ArrayList<>(generated.lines().toList());
        for (int start = 0; start < lines.size(); start++) {
            if (!sortable(lines.get(start))) {
                continue;
            }
            int end = start;
            while (end < lines.size() && sortable(lines.get(end)) && (end == start || !lines.get(end).startsWith("|"))) {
                end++;
            }
            boolean cellStart = lines.get(start).startsWith("|");
            List<String> run = new ArrayList<>(lines.subList(start, end).stream()
                    .map(line -> line.startsWith("|") ? line.substring(1) : line).sorted().toList());
            if (cellStart) {
                run.set(0, "|" + run.get(0));
            }
            for (int i = 0; i < run.size(); i++) {
                lines.set(start + i, run.get(i));
            }
            start = end - 1;
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean sortable(String line) {
        return line.contains(" --> ") || line.startsWith("* ") || line.startsWith("|* ");
    }

    private static ApplicationModule annotationOf(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String normalized(String dependency) {
        return dependency.replaceAll("\\s+", "");
    }

    /** The repository's docs folder: tests run in app/. */
    private static Path docs() {
        Path fromApp = Path.of("..", "docs");
        return Files.isDirectory(fromApp.resolve("..").resolve("app")) ? fromApp : Path.of("docs");
    }
}
