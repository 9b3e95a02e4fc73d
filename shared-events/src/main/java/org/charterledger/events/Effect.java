package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** What a motion, once passed, does to the record: its structured subject. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Effect.Admit.class, name = "ADMIT"),
        @JsonSubTypes.Type(value = Effect.Expel.class, name = "EXPEL"),
        @JsonSubTypes.Type(value = Effect.ChangeDuesRate.class, name = "CHANGE_DUES_RATE"),
        @JsonSubTypes.Type(value = Effect.ElectNextHost.class, name = "ELECT_NEXT_HOST"),
        @JsonSubTypes.Type(value = Effect.ReplaceCoordinator.class, name = "REPLACE_COORDINATOR"),
        @JsonSubTypes.Type(value = Effect.ElectAuditor.class, name = "ELECT_AUDITOR"),
        @JsonSubTypes.Type(value = Effect.EstablishSubcommittee.class, name = "ESTABLISH_SUBCOMMITTEE"),
        @JsonSubTypes.Type(value = Effect.AppointCoordinators.class, name = "APPOINT_COORDINATORS"),
        @JsonSubTypes.Type(value = Effect.RenewCoordinators.class, name = "RENEW_COORDINATORS")
})
public sealed interface Effect {

    /** The Charter Art. 8 item that decides this kind of effect; 0 for a decision on a subcommittee. */
    int item();

    /** Admit a government as a member or associate; an observer keeps its id and history (Art. 8 item 1). */
    record Admit(MemberId party, CountryCode country, String name, PartyCategory category) implements Effect {
        @Override
        public int item() {
            return 1;
        }
    }

    /** Expel a member or associate (Art. 8 item 1). */
    record Expel(MemberId party) implements Effect {
        @Override
        public int item() {
            return 1;
        }
    }

    /** Set the yearly dues from a fiscal year on (Art. 8 item 2; Dues Regulation Art. 5(3)). */
    record ChangeDuesRate(Money amount, FiscalYear fromYear) implements Effect {
        @Override
        public int item() {
            return 2;
        }
    }

    /**
     * Replace an inactive coordinator of a subcommittee by another member (Subcommittee Regulation Art. 5(7), 5(8)),
     * decided by the Executive Committee.
     */
    record ReplaceCoordinator(int subcommittee, MemberId outgoing, MemberId incoming) implements Effect {
        @Override
        public int item() {
            return 0;
        }
    }

    /**
     * Set up a subcommittee for a field, from the day of the decision (Charter Art. 11(4); Subcommittee Regulation
     * Art. 2), decided by the Executive Committee.
     */
    record EstablishSubcommittee(int subcommittee, String name, String field) implements Effect {
        @Override
        public int item() {
            return 0;
        }
    }

    /**
     * Appoint the coordinators of a subcommittee (one, or several co-coordinating) for a two-year term from the day
     * of the decision (Subcommittee Regulation Art. 5(1)), decided by the Executive Committee.
     */
    record AppointCoordinators(int subcommittee, List<MemberId> coordinators) implements Effect {
        public AppointCoordinators {
            coordinators = List.copyOf(coordinators);
        }

        @Override
        public int item() {
            return 0;
        }
    }

    /**
     * Renew the sitting coordinators of a subcommittee for the next two-year term, from the end of the current one
     * (Subcommittee Regulation Art. 5(2)), decided by the Executive Committee.
     */
    record RenewCoordinators(int subcommittee) implements Effect {
        @Override
        public int item() {
            return 0;
        }
    }

    /** Elect an auditor, one per country, for the term of the next chair (Art. 8 item 6; Art. 7(2)). */
    record ElectAuditor(MemberId auditor) implements Effect {
        @Override
        public int item() {
            return 6;
        }
    }

    /** Elect the host of the next General Assembly, and so the next chair (Art. 8 item 9; Art. 7(1)). */
    record ElectNextHost(MemberId host) implements Effect {
        @Override
        public int item() {
            return 9;
        }
    }
}
