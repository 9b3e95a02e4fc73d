package org.charterledger.command.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.charterledger.command.config.IdempotentCommands;
import org.charterledger.command.config.IdempotentCommands.Submission;
import org.charterledger.command.membership.AdmitMember;
import org.charterledger.command.membership.AlreadyAdmitted;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports an association's register (in the format of {@code reference/near-2021.yaml}) as an opening balance when
 * {@code ledger.import.reference-data} names a file. Every party becomes an ordinary {@link AdmitMember} command
 * with an idempotency key derived from the file and the party, so running the import again appends nothing.
 */
@Component
class ReferenceDataImport {

    static final String PRINCIPAL = "reference-data-import";
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataImport.class);

    private final IdempotentCommands commands;
    private final Resource source;

    ReferenceDataImport(IdempotentCommands commands, @Value("${ledger.import.reference-data:}") Resource source) {
        this.commands = commands;
        this.source = source;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStart() throws IOException {
        if (source == null || !source.exists()) {
            return;
        }
        String label = source.getFilename();
        int admitted = 0;
        int alreadyRecorded = 0;
        for (AdmitMember admission : openingBalance(source)) {
            try {
                var receipt = commands.submit(PRINCIPAL, label + ":opening-balance:" + admission.member(),
                        Submission.of(admission.member().value(), admission));
                if (receipt.replayed()) {
                    alreadyRecorded++;
                } else {
                    admitted++;
                }
            } catch (AlreadyAdmitted e) {
                alreadyRecorded++;
            }
        }
        log.info("Reference data {}: {} parties admitted as an opening balance, {} already on the register",
                label, admitted, alreadyRecorded);
    }

    /**
     * The parties of the file as they stood on its opening-balance date: a member still an observer then (it has
     * an {@code observerUntil} date after that day) is admitted as an observer.
     */
    static List<AdmitMember> openingBalance(Resource file) throws IOException {
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        LocalDate asOf = LocalDate.parse(root.path("openingBalance").path("asOf").asText());
        List<AdmitMember> parties = new ArrayList<>();
        for (Map.Entry<String, JsonNode> country : root.path("members").properties()) {
            for (JsonNode member : country.getValue()) {
                boolean stillObserver = member.hasNonNull("observerUntil")
                        && LocalDate.parse(member.get("observerUntil").asText()).isAfter(asOf);
                parties.add(admission(member, country.getKey(),
                        stillObserver ? PartyCategory.OBSERVER : PartyCategory.MEMBER, asOf));
            }
        }
        for (JsonNode associate : root.path("associates")) {
            parties.add(admission(associate, associate.get("country").asText(), PartyCategory.ASSOCIATE, asOf));
        }
        for (JsonNode observer : root.path("observers")) {
            parties.add(admission(observer, observer.get("country").asText(), PartyCategory.OBSERVER, asOf));
        }
        return parties;
    }

    private static AdmitMember admission(JsonNode party, String country, PartyCategory category, LocalDate asOf) {
        return new AdmitMember(new MemberId(party.get("id").asText()), CountryCode.of(country),
                party.get("name").asText(), party.hasNonNull("localName") ? party.get("localName").asText() : null,
                category, asOf, AdmissionBasis.OPENING_BALANCE);
    }
}
