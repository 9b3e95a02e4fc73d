package org.charterledger.command;

import org.charterledger.web.testing.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The command service's boundaries: a cycle between its packages, a dependency a feature did not declare in its
 * {@code package-info}, or a reach into another module's internals fails here. The diagram in
 * {@code docs/modules/command-service} is written from the same model, so it cannot drift from the code.
 */
class ModularityTest {

    @Test
    void modulesKeepTheirBoundaries() {
        ModuleBoundaries.verify(CommandServiceApplication.class);
    }

    @Test
    void writesTheModuleDiagram() {
        ModuleBoundaries.document(CommandServiceApplication.class, "command-service");
    }
}
