package org.charterledger.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.MemberAdmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code projection.register_party}: every party with its category and the date it has held it since. */
@Component
@ProcessingGroup(RegisterProjection.GROUP)
class RegisterProjection {

    static final String GROUP = "register";
    private final JdbcClient jdbc;

    RegisterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An id is admitted once (the command side refuses a second admission); the first one stands. */
    @EventHandler
    void on(MemberAdmitted e, TrackedEventMessage<MemberAdmitted> message) {
        jdbc.sql("""
                        INSERT INTO projection.register_party
                            (id, country, name, local_name, category, since, basis, position)
                        VALUES (:id, :country, :name, :localName, :category, :since, :basis, :position)
                        ON CONFLICT DO NOTHING""")
                .param("id", e.member().value())
                .param("country", e.country().value())
                .param("name", e.name())
                .param("localName", e.localName())
                .param("category", e.category().name())
                .param("since", e.admittedOn())
                .param("basis", e.basis().name())
                .param("position", message.trackingToken().position().orElseThrow())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection.register_party").update();
    }
}
