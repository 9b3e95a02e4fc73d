package org.charterledger.command.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.meetings.MeetingCommands.CloseMeeting;
import org.charterledger.command.meetings.MeetingCommands.ConveneMeeting;
import org.charterledger.command.meetings.MeetingCommands.RecordAttendance;
import org.charterledger.command.offices.ChairCommands.RecordChairOnOpeningBalance;
import org.charterledger.command.offices.Chairmanship;
import org.charterledger.command.offices.SecretaryGeneral;
import org.charterledger.command.membership.PartyFactsLoader;
import org.charterledger.command.subcommittees.SubcommitteeCommands;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AppointCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.EstablishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RecordSubcommitteeActivity;
import org.charterledger.command.voting.Motions;
import org.charterledger.command.membership.AdmitMember;
import org.charterledger.command.membership.AlreadyAdmitted;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.Effect;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
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
    private final Motions motions;
    private final PartyFactsLoader parties;
    private final EventStore eventStore;
    private final Resource source;

    ReferenceDataImport(IdempotentCommands commands, Motions motions, PartyFactsLoader parties, EventStore eventStore,
                        ImportSettings settings, ResourceLoader resources) {
        this.commands = commands;
        this.motions = motions;
        this.parties = parties;
        this.eventStore = eventStore;
        this.source = settings.referenceData().isBlank() ? null : resources.getResource(settings.referenceData().trim());
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
        JsonNode root = read(source);
        LocalDate openingBalance = LocalDate.parse(root.path("openingBalance").path("asOf").asText());
        for (JsonNode chair : root.path("chairs")) {
            if (!chair.has("electedBy")) {
                // In office when the record starts; a chair elected by a recorded Assembly follows from it.
                submit(label + ":opening-balance:chair", Chairmanship.ID, new RecordChairOnOpeningBalance(
                        Chairmanship.ID, chair.get("ordinal").asInt(), new MemberId(chair.get("holder").asText()),
                        openingBalance));
            }
        }
        for (JsonNode secretaryGeneral : root.path("secretaryGeneral")) {
            // In office during the opening balance's year; the sources record neither the appointment nor its date.
            submit(label + ":opening-balance:secretary-general", SecretaryGeneral.ID,
                    new SecretaryGeneral.RecordSecretaryGeneralOnOpeningBalance(SecretaryGeneral.ID,
                            secretaryGeneral.get("name").asText(), openingBalance));
        }
        for (JsonNode assembly : root.path("generalAssemblies")) {
            importGeneralAssembly(root, assembly, label);
        }
        importSubcommittees(root, openingBalance, label);
    }

    /**
     * The subcommittees with their coordinators on the opening balance (the sources give neither the decisions
     * nor the terms' start: the terms are taken to run from the opening balance), and their recorded activities.
     */
    private void importSubcommittees(JsonNode root, LocalDate openingBalance, String label) {
        for (JsonNode subcommittee : root.path("subcommittees")) {
            int number = subcommittee.get("no").asInt();
            String stream = SubcommitteeCommands.streamOf(number);
            String key = label + ":subcommittee:" + number + ":";
            // The sources give the founding year only.
            submit(key + "establish", stream, new EstablishSubcommittee(stream, number,
                    subcommittee.get("name").asText(), subcommittee.get("name").asText(),
                    LocalDate.of(subcommittee.get("founded").asInt(), 1, 1), null));
            List<MemberId> coordinators = new ArrayList<>();
            subcommittee.path("coordinators").forEach(id -> coordinators.add(new MemberId(id.asText())));
            // A retry is compared with the appointment asked for, not with the categories the ledger looked up.
            commands.submit(PRINCIPAL, key + "coordinators", new Submission(stream, Integer.toString(number),
                    new AppointCoordinator(stream, coordinators, openingBalance, null, Map.of()),
                    new AppointCoordinator(stream, coordinators, openingBalance, null,
                            parties.categoriesOn(coordinators, openingBalance))));
        }
        for (JsonNode activity : root.path("subcommitteeMeetings2021")) {
            int number = activity.get("subcommittee").asInt();
            LocalDate firstDay;
            LocalDate lastDay;
            if (activity.has("firstDay")) {
                firstDay = LocalDate.parse(activity.get("firstDay").asText());
                lastDay = LocalDate.parse(activity.get("lastDay").asText());
            } else if (activity.get("held").asText().length() == 7) {
                // held in a month the sources do not narrow down: recorded as that month
                YearMonth month = YearMonth.parse(activity.get("held").asText());
                firstDay = month.atDay(1);
                lastDay = month.atEndOfMonth();
            } else {
                firstDay = LocalDate.parse(activity.get("held").asText());
                lastDay = firstDay;
            }
            submit(label + ":subcommittee:" + number + ":activity:" + activity.get("ordinal").asInt(),
                    SubcommitteeCommands.streamOf(number), new RecordSubcommitteeActivity(
                            SubcommitteeCommands.streamOf(number), activity.get("ordinal").asInt(), firstDay, lastDay,
                            new MemberId(activity.get("host").asText()), activity.path("form").asText(null)));
        }
    }

    /**
     * A General Assembly as it happened: convened, its attendance, its motions put by written ballot with the
     * ballots returned, decided by the charter's rules (a passed motion takes effect), and closed.
     */
    private void importGeneralAssembly(JsonNode root, JsonNode assembly, String label) {
        MeetingId meeting = new MeetingId(assembly.get("id").asText());
        LocalDate lastDay = LocalDate.parse(assembly.get("lastDay").asText());
        String key = label + ":" + meeting + ":";
        submit(key + "convene", meeting.value(), new ConveneMeeting(meeting, Body.GA, assembly.get("ordinal").asInt(),
                new MemberId(assembly.get("host").asText()), assembly.get("venue").asText(),
                LocalDate.parse(assembly.get("firstDay").asText()), lastDay));
        List<MemberId> present = new ArrayList<>();
        collectIds(assembly.path("attendance"), present);
        submit(key + "attendance", meeting.value(), new RecordAttendance(meeting, present));
        for (JsonNode motion : assembly.path("motions")) {
            importMotion(root, meeting, motion, lastDay, key);
        }
        submit(key + "close", meeting.value(), new CloseMeeting(meeting));
    }

    private void importMotion(JsonNode root, MeetingId meeting, JsonNode motion, LocalDate decidedOn, String key) {
        MotionId id = new MotionId(motion.get("id").asText());
        int item = motion.get("article8Item").asInt();
        Receipt opened = commands.submit(PRINCIPAL, key + id + ":open", motions.open(new Motions.MotionRequest(id,
                meeting, MotionKind.ARTICLE_8, item, motion.get("subject").asText(),
                Procedure.valueOf(motion.get("procedure").asText()), effectOf(root, id, item))));
        // The sources say the vote was unanimous, every member but the two DPRK members returning a ballot.
        List<MemberId> voters = rollOf(id).stream().filter(m -> !m.value().startsWith("KP-")).toList();
        int yes = motion.path("result").path("yes").asInt();
        if (voters.size() != yes) {
            throw new IllegalStateException(id + ": the roll gives " + voters.size() + " ballots, the sources " + yes);
        }
        for (MemberId voter : voters) {
            // Dated on the session's day (see MeetingDays); compared on a retry as the ballots first imported were.
            submit(key + id + ":ballot:" + voter, id.value(), motions.castVote(id, voter, Choice.YES, decidedOn));
        }
        commands.submit(PRINCIPAL, key + id + ":close", motions.close(id, decidedOn));
        log.info("Reference data: motion {} opened at position {} and decided", id, opened.position());
    }

    /** The structured subject of an imported motion, from the parts of the file that name it. */
    private static Effect effectOf(JsonNode root, MotionId motion, int item) {
        for (JsonNode chair : root.path("chairs")) {
            if (motion.value().equals(chair.path("electedBy").asText())) {
                return new Effect.ElectNextHost(new MemberId(chair.get("holder").asText()));
            }
        }
        for (Map.Entry<String, JsonNode> country : root.path("members").properties()) {
            for (JsonNode member : country.getValue()) {
                if (motion.value().equals(member.path("admittedBy").asText())) {
                    return new Effect.Admit(new MemberId(member.get("id").asText()), CountryCode.of(country.getKey()),
                            member.get("name").asText(), PartyCategory.MEMBER);
                }
            }
        }
        return null;
    }

    private List<MemberId> rollOf(MotionId motion) {
        return eventStore.readEvents(motion.value()).asStream().map(m -> m.getPayload())
                .filter(MotionOpened.class::isInstance).map(MotionOpened.class::cast).findFirst().orElseThrow()
                .roll().stream().map(RollEntry::member).toList();
    }

    private Receipt submit(String key, String aggregate, Object command) {
        return commands.submit(PRINCIPAL, key, Submission.of(aggregate, command));
    }

    /** Every id listed under {@code node}, however the lists are grouped (by category, by country). */
    private static void collectIds(JsonNode node, List<MemberId> into) {
        if (node.isTextual()) {
            into.add(new MemberId(node.asText()));
        } else {
            node.forEach(child -> collectIds(child, into));
        }
    }

    private static JsonNode read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /**
     * The parties of the file as they stood on its opening-balance date: a member still an observer then (it has
     * an {@code observerUntil} date after that day) is admitted as an observer.
     */
    static List<AdmitMember> openingBalance(Resource file) throws IOException {
        JsonNode root = read(file);
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
                category, asOf, AdmissionBasis.OPENING_BALANCE, null);
    }
}
