package org.codedesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The application modules keep their walls: no cycles, no use of another module's internal packages. */
class ModularityTest {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules modules = ApplicationModules.of(CodeDeskApplication.class);
        modules.verify();
        org.assertj.core.api.Assertions.assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("catalog", "web");
    }
}
