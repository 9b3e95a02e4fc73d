package org.charterledger.web.testing;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's modules, as Spring Modulith reads them from its packages: each package below the application's is a
 * module, and each feature names in its {@code package-info} the modules it may use ({@code @ApplicationModule}).
 */
public final class ModuleBoundaries {

    private ModuleBoundaries() {
    }

    /** Fails on a cycle between modules, on a dependency a module did not declare, or on a reach into internals. */
    public static void verify(Class<?> application) {
        ApplicationModules.of(application).verify();
    }

    /**
     * Writes the module diagrams (PlantUML, C4 style: all modules, then each with its neighbours) into
     * {@code docs/modules/<service>} of the project, where {@code docs/architecture.md} links them. Their components
     * and relations are sorted, so that a diagram changes only when the modules do.
     */
    public static void document(Class<?> application, String service) {
        String folder = "../docs/modules/" + service;
        new Documenter(ApplicationModules.of(application), Documenter.Options.defaults().withOutputFolder(folder))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> diagrams = Files.list(Path.of(folder))) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, sorted(Files.readAllLines(diagram)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each run of component or relation lines in order; the Documenter writes them in no fixed order. */
    private static List<String> sorted(List<String> lines) {
        List<String> result = new ArrayList<>(lines);
        int start = 0;
        while (start < result.size()) {
            int end = start;
            while (end < result.size() && isElement(result.get(end))) {
                end++;
            }
            if (end > start) {
                result.subList(start, end).sort(null);
                start = end;
            } else {
                start++;
            }
        }
        return result;
    }

    private static boolean isElement(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("Rel(") || trimmed.startsWith("Component(") || trimmed.startsWith("Container(");
    }
}
