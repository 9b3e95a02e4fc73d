package org.charterledger.web.testing;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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
     * {@code docs/modules/<service>} of the project, where {@code docs/architecture.md} links them.
     */
    public static void document(Class<?> application, String service) {
        new Documenter(ApplicationModules.of(application),
                Documenter.Options.defaults().withOutputFolder("../docs/modules/" + service))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
