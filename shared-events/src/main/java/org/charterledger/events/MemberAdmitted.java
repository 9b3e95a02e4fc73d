package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A government became a party of the Association in a category, from a business date, on a recorded basis.
 *
 * @param member     the party's stable id
 * @param country    the country of the government
 * @param name       the English name
 * @param localName  the name in the local language, or {@code null} where it is not known
 * @param category   member, associate or observer
 * @param admittedOn the business date from which the party is in its category
 * @param basis      what the admission rests on
 * @param decidedBy  the motion that decided it, for an admission by decision; {@code null} on the opening balance
 */
@Revision("2")
public record MemberAdmitted(MemberId member, CountryCode country, String name, String localName,
                             PartyCategory category, LocalDate admittedOn, AdmissionBasis basis,
                             MotionId decidedBy) implements PartyEvent {

    public MemberAdmitted {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(admittedOn, "admittedOn");
        Objects.requireNonNull(basis, "basis");
        if ((basis == AdmissionBasis.DECISION) != (decidedBy != null)) {
            throw new IllegalArgumentException("an admission by decision names its motion, and only it does");
        }
    }

    @Override
    public LocalDate businessDate() {
        return admittedOn;
    }
}
