package org.charterledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.charterledger.charter.Count;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.DuesStanding;
import org.charterledger.charter.PartyFacts;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Choice;
import org.charterledger.events.LedgerUpcasters;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.EventJson;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.PartyEvent;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.charterledger.proof.Evidence;
import org.charterledger.proof.MerkleTree;
import org.charterledger.proof.ProofFailure;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.StoredRow;
import org.charterledger.proof.TreeHead;

import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a motion's certificate against a head the auditor filed, with nothing but the two documents: the filed head's
 * signature; the certificate's head signed by the same key; its tree extending the filed head's tree; each event, as
 * the certificate carries it, a leaf of that tree; and the decision's arithmetic re-derived from those events by the
 * charter's own rules ({@link Count}, {@link DecisionRule}), compared with the recorded decision and the certificate.
 */
public final class CertificateCheck {

    private final ObjectMapper json = EventJson.mapper();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    /** The upcasters both services register. */
    private final EventUpcasterChain upcasters = LedgerUpcasters.chain();

    /**
     * @param certificate the certificate, as {@code /api/audit/motions/{id}/certificate?since=<filed size>} gave it
     * @param filed       the head filed earlier, as {@code /api/audit/tree-heads/latest} gave it
     * @param trusted     the public key the auditor trusts; the filed head's own key when none
     * @param witnessed   heads witnesses hold (may be empty): each must be signed by the trusted key and agree
     *                    with the filed head and the certificate's head when of the same size
     */
    public Report check(JsonNode certificate, PublishedHead filed, PublicKey trusted, List<PublishedHead> witnessed) {
        Report report = new Report();
        PublicKey key = trusted != null ? trusted : filed.key();
        TreeHead filedHead = filed.head();
        if (filedHead.signedBy(key)) {
            report.ok("the filed head (" + filedHead.treeSize() + " events, issued " + filedHead.issuedAt()
                    + ") is signed by the trusted key " + TreeHead.keyId(key));
        } else {
            report.fail("the filed head is not signed by the trusted key " + TreeHead.keyId(key));
        }
        JsonNode evidenceNode = certificate.get("evidence");
        if (evidenceNode == null || evidenceNode.isNull()) {
            report.fail("the certificate carries no evidence (its events were not in a signed tree yet)");
            return report;
        }
        Evidence evidence;
        try {
            evidence = json.treeToValue(evidenceNode, Evidence.class);
        } catch (Exception unreadable) {
            report.fail("the certificate's evidence cannot be read: " + unreadable.getMessage());
            return report;
        }
        TreeHead head = evidence.head().head();
        if (head.signedBy(key)) {
            report.ok("the certificate's head (" + head.treeSize() + " events, issued " + head.issuedAt()
                    + ") is signed by the same key");
        } else {
            report.fail("the certificate's head is not signed by the trusted key (it names key " + head.keyId()
                    + "): not the ledger's head, or the ledger's key was replaced");
        }
        consistency(report, filedHead, head, evidence.consistency());
        witnesses(report, key, filedHead, head, witnessed);
        List<Positioned> events = inclusion(report, head, evidence.events());
        if (certificate.hasNonNull("motion")) {
            arithmetic(report, certificate, events);
        } else {
            rights(report, certificate, events);
        }
        return report;
    }

    private void consistency(Report report, TreeHead filed, TreeHead head, Evidence.Consistency consistency) {
        if (filed.treeSize() > head.treeSize()) {
            report.fail("the certificate's head (" + head.treeSize() + " events) is older than the filed head ("
                    + filed.treeSize() + "): ask for the certificate with since=" + filed.treeSize());
            return;
        }
        List<byte[]> proof = consistency == null ? List.of() : consistency.proof();
        if (filed.treeSize() < head.treeSize() && (consistency == null || consistency.first() != filed.treeSize()
                || consistency.second() != head.treeSize())) {
            report.fail("the certificate carries no consistency proof from the filed head of " + filed.treeSize()
                    + " events: ask for it with since=" + filed.treeSize());
            return;
        }
        try {
            MerkleTree.checkConsistency(filed.treeSize(), head.treeSize(), filed.rootHash(), head.rootHash(), proof);
            report.ok("the certificate's tree of " + head.treeSize() + " events extends the filed tree of "
                    + filed.treeSize() + ": nothing in the filed record was changed, removed or reordered");
        } catch (ProofFailure failure) {
            report.fail("the certificate's tree does not extend the filed one (" + filed.treeSize() + " to "
                    + head.treeSize() + " events): " + failure.getMessage() + "; the history was rewritten");
        }
    }

    private void witnesses(Report report, PublicKey key, TreeHead filed, TreeHead head, List<PublishedHead> witnessed) {
        for (PublishedHead w : witnessed) {
            TreeHead other = w.head();
            if (!other.signedBy(key)) {
                report.fail("the witnessed head of " + other.treeSize() + " events is not signed by the trusted key");
            } else if ((other.treeSize() == filed.treeSize() && !java.util.Arrays.equals(other.rootHash(),
                    filed.rootHash())) || (other.treeSize() == head.treeSize()
                    && !java.util.Arrays.equals(other.rootHash(), head.rootHash()))) {
                report.fail("the witnessed head of " + other.treeSize() + " events has another root than the head"
                        + " of that size here: the ledger signed two histories");
            } else {
                report.ok("the witnessed head of " + other.treeSize() + " events is signed by the trusted key and"
                        + " agrees with the heads here");
            }
        }
    }

    /**
     * An event its proof placed in the tree: its position, its aggregate and its number there, what it says, and the
     * motion it cites as its decision.
     */
    private record Positioned(long position, String aggregate, long sequence, Object event, String cites) {
    }

    private List<Positioned> inclusion(Report report, TreeHead head, List<Evidence.EventProof> proofs) {
        List<Positioned> events = new ArrayList<>();
        long previousLeaf = -1;
        for (Evidence.EventProof proof : proofs) {
            long position = proof.row().position();
            if (!MerkleTree.verifyInclusion(proof.leafIndex(), head.treeSize(), proof.row().leafHash(),
                    proof.auditPath(), head.rootHash())) {
                report.fail(position, "the event (leaf " + proof.leafIndex() + ", " + shortType(proof) + ") is not"
                        + " the one the signed head holds at its leaf: it was changed, moved or put there after"
                        + " the head was signed");
                continue;
            }
            if (proof.leafIndex() <= previousLeaf) {
                report.fail(position, "the events are not in the order of their leaves: the record was reordered");
            }
            previousLeaf = proof.leafIndex();
            report.ok(position, shortType(proof) + " is leaf " + proof.leafIndex() + " of the signed tree");
            try {
                JsonNode body = json.readTree(proof.row().payload());
                String cites = body.hasNonNull("decidedBy") ? body.get("decidedBy").asText()
                        : body.hasNonNull("electedBy") ? body.get("electedBy").asText() : null;
                events.add(new Positioned(position, proof.row().aggregate(), proof.row().sequence(), read(proof.row()),
                        cites));
            } catch (Exception unreadable) {
                report.fail(position, "the event cannot be read as " + proof.row().payloadType() + ": "
                        + unreadable.getMessage());
            }
        }
        return events;
    }

    private void arithmetic(Report report, JsonNode certificate, List<Positioned> events) {
        MotionOpened opened = null;
        MotionDecided decided = null;
        long decidedAt = Long.MAX_VALUE;
        for (Positioned e : events) {
            if (e.event() instanceof MotionOpened o) {
                opened = o;
            } else if (e.event() instanceof MotionDecided d) {
                decided = d;
                decidedAt = e.position();
            }
        }
        if (opened == null) {
            report.fail("the certificate holds no proven MotionOpened: the roll and the rule cannot be re-derived");
            return;
        }
        if (!opened.motion().value().equals(certificate.path("motion").asText())) {
            report.fail("the proven events are of motion " + opened.motion().value() + ", the certificate names "
                    + certificate.path("motion").asText());
        }
        complete(report, opened.motion().value(), events);
        Map<MemberId, Choice> ballots = new LinkedHashMap<>();
        List<MemberId> attendance = new ArrayList<>();
        for (Positioned e : events) {
            if (e.event() instanceof VoteCast vote && vote.motion().equals(opened.motion())) {
                if (e.position() > decidedAt) {
                    report.fail(e.position(), "a ballot of " + vote.member().value() + " recorded after the decision"
                            + " (position " + decidedAt + ")");
                } else {
                    ballots.put(vote.member(), vote.choice());
                }
            } else if (e.event() instanceof AttendanceRecorded present && present.meeting().equals(opened.meeting())
                    && e.position() < decidedAt) {
                attendance.addAll(present.present());
            }
        }
        Tally recomputed = Count.of(DecisionRule.valueOf(opened.rule()), opened.procedure(),
                opened.roll().stream().map(RollEntry::member).toList(), ballots, attendance).tally();
        String numbers = "E " + recomputed.rollSize() + ", P " + recomputed.present() + ", yes " + recomputed.yes()
                + ", no " + recomputed.no() + ", abstain " + recomputed.abstain() + ": " + recomputed.outcome()
                + " (" + recomputed.article() + "; " + recomputed.quorumTest() + "; " + recomputed.thresholdTest()
                + ")";
        if (decided == null) {
            report.fail("the certificate holds no proven MotionDecided to compare with; re-derived " + numbers);
        } else {
            Tally recorded = DecisionRule.restate(decided.tally());
            if (recomputed.equals(recorded) && recomputed.outcome() == decided.outcome()) {
                report.ok(decidedAt, "the decision's arithmetic, re-derived from the proven events by rule "
                        + opened.rule() + ", is the one recorded: " + numbers);
            } else {
                report.fail(decidedAt, "the decision recorded (" + decided.outcome() + ", P " + recorded.present()
                        + ", yes " + recorded.yes() + ", no " + recorded.no() + ", abstain " + recorded.abstain()
                        + ") is not what its proven events give: " + numbers);
            }
        }
        effects(report, opened, decided, events);
        try {
            Tally stated = json.treeToValue(certificate.get("arithmetic"), Tally.class);
            if (recomputed.equals(stated) && recomputed.outcome().name().equals(certificate.path("outcome").asText())) {
                report.ok("the certificate's arithmetic and outcome are those the proven events give");
            } else {
                report.fail("the certificate states " + certificate.path("outcome").asText() + " with P "
                        + stated.present() + ", yes " + stated.yes() + ", no " + stated.no()
                        + "; the proven events give " + numbers);
            }
        } catch (Exception unreadable) {
            report.fail("the certificate's arithmetic cannot be read: " + unreadable.getMessage());
        }
    }

    /**
     * Whether the certificate holds every event of the motion's own stream: the ledger numbers an aggregate's events
     * 0, 1, 2, ... and the number is part of each proven row, so a number missing among them is an event (a ballot)
     * the certificate leaves out or does not prove, and a ballot left out would change the count. Attendance is
     * recorded on the meeting's stream, which the certificate holds only in part: an attendance left out shows only
     * as a count that differs from the decision recorded.
     */
    private void complete(Report report, String motion, List<Positioned> events) {
        List<Positioned> own = events.stream().filter(e -> motion.equals(e.aggregate()))
                .sorted(Comparator.comparingLong(Positioned::sequence)).toList();
        for (int number = 0; number < own.size(); number++) {
            if (own.get(number).sequence() != number) {
                report.fail(own.get(number).position(), "the certificate holds no proven event " + number
                        + " of motion " + motion + " (the next it proves is event " + own.get(number).sequence()
                        + "): a ballot may be missing from the count");
                return;
            }
        }
        report.ok("the certificate holds every event of motion " + motion + " up to its last (0 to "
                + (own.size() - 1) + "): no ballot is left out");
    }

    /**
     * A party's rights on a date derived again from the proven events by the charter's rule ({@link DuesStanding}):
     * the party's own events folded into its facts, every recorded change of the dues rate, and the date.
     */
    private void rights(Report report, JsonNode certificate, List<Positioned> events) {
        String member = certificate.path("member").asText();
        LocalDate asOf = LocalDate.parse(certificate.path("asOf").asText());
        List<PartyEvent> own = events.stream().filter(e -> e.event() instanceof PartyEvent p
                && member.equals(p.member().value())).map(e -> (PartyEvent) e.event()).toList();
        if (own.isEmpty()) {
            report.fail("the certificate proves no event of " + member + ": its rights cannot be derived");
            return;
        }
        DuesStanding standing = DuesStanding.at(PartyFacts.fold(own), DuesRates.fold(events.stream()
                .filter(e -> e.event() instanceof DuesRateChanged).map(e -> (DuesRateChanged) e.event()).toList()),
                asOf);
        String derived = member + " on " + asOf + ": " + standing.category() + ", may vote " + standing.mayVote()
                + ", may stand and elect " + standing.mayStandAndElect()
                + (standing.restrictedSince() == null ? "" : ", restricted since " + standing.restrictedSince());
        boolean same = standing.mayVote() == certificate.path("mayVote").asBoolean()
                && standing.mayStandAndElect() == certificate.path("mayStandAndElect").asBoolean()
                && String.valueOf(standing.category()).equals(certificate.path("category").asText())
                && String.valueOf(standing.restrictedSince())
                .equals(certificate.path("restrictedSince").asText("null"));
        if (same) {
            report.ok("the rights, derived again from " + own.size() + " proven events of the party by the dues"
                    + " rule, are those certified: " + derived);
        } else {
            report.fail("the certificate states may vote " + certificate.path("mayVote").asBoolean()
                    + ", may stand and elect " + certificate.path("mayStandAndElect").asBoolean()
                    + ", restricted since " + certificate.path("restrictedSince").asText("none") + "; the proven events give " + derived);
        }
    }

    /**
     * A passed motion with an effect is carried out by proven events citing it. Other events may cite a motion
     * without being its structured effect (the chair's term begins citing the motion that elected the chair).
     */
    private void effects(Report report, MotionOpened opened, MotionDecided decided, List<Positioned> events) {
        List<Positioned> effects = events.stream().filter(e -> opened.motion().value().equals(e.cites())
                && !(e.event() instanceof MotionDecided)).toList();
        boolean due = decided != null && decided.outcome() == org.charterledger.events.Outcome.PASSED
                && opened.effect() != null;
        if (due && effects.isEmpty()) {
            report.fail("the motion passed with an effect (" + opened.effect().getClass().getSimpleName()
                    + ") and the certificate proves no event carrying it out");
        }
        if (!effects.isEmpty() && (decided == null || decided.outcome() != org.charterledger.events.Outcome.PASSED)) {
            report.fail(effects.get(0).position(), "an event cites the motion as its decision, and the motion did"
                    + " not pass");
            return;
        }
        for (Positioned effect : effects) {
            report.ok(effect.position(), effect.event().getClass().getSimpleName() + " cites the decision"
                    + (due ? " and carries it out (" + opened.effect().getClass().getSimpleName() + ")" : ""));
        }
    }

    /**
     * A row's event as the ledger reads it: through Axon's serializer over the ledger's JSON mapping and the same
     * upcasters, so a row stored at an earlier revision reads as its current form.
     */
    private Object read(StoredRow row) {
        var stored = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.position()),
                new GenericDomainEventEntry<>(row.aggregateType(), row.aggregate(), row.sequence(),
                        "certificate-" + row.position(), row.timestamp(), row.payloadType(), row.payloadRevision(),
                        row.payload(), row.metadata()));
        return EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(stored), serializer, upcasters)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("an upcaster dropped the event"))
                .getPayload();
    }

    private static String shortType(Evidence.EventProof proof) {
        String type = proof.row().payloadType();
        return type == null ? "an event" : type.substring(type.lastIndexOf('.') + 1);
    }
}
