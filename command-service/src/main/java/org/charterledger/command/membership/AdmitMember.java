package org.charterledger.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;

import java.time.LocalDate;

/**
 * Admit a government as a member, associate or observer from a business date: on the opening balance, or by the
 * decision of a motion that passed ({@code decidedBy}), which may also admit an observer as a member.
 */
public record AdmitMember(@TargetAggregateIdentifier MemberId member, CountryCode country, String name,
                          String localName, PartyCategory category, LocalDate admittedOn, AdmissionBasis basis,
                          MotionId decidedBy) {
}
