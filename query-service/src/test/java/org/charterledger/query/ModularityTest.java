package org.charterledger.query;

import org.charterledger.web.testing.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The query service's boundaries: a cycle between its packages, a dependency a feature did not declare in its
 * {@code package-info}, or a reach into another module's internals fails here. The diagram in
 * {@code docs/modules/query-service} is written from the same model, so it cannot drift from the code.
 */
class ModularityTest {

    @Test
    void modulesKeepTheirBoundaries() {
        ModuleBoundaries.verify(QueryServiceApplication.class);
    }

    @Test
    void writesTheModuleDiagram() {
        ModuleBoundaries.document(QueryServiceApplication.class, "query-service");
    }
}
