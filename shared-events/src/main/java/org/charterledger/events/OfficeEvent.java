package org.charterledger.events;

/**
 * An event of the streams of the offices (Charter Art. 7, 13): the chairmanship, the Secretary-General, the
 * auditors.
 */
public sealed interface OfficeEvent extends LedgerEvent, BusinessDated
        permits ChairTermBegan, ChairTermEnded, ActingChairDesignated, ActingChairEnded, SecretaryGeneralAppointed,
        SecretaryGeneralLeftOffice, AuditorElected {
}
