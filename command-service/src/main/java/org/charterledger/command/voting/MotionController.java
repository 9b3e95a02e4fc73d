package org.charterledger.command.voting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.charterledger.command.submission.IdempotentCommands;
import org.charterledger.command.submission.IdempotentCommands.Receipt;
import org.charterledger.command.submission.InvalidInput;
import org.charterledger.command.submission.Receipts;
import org.charterledger.events.Choice;
import org.charterledger.events.Effect;
import org.charterledger.events.LedgerBounds;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.Procedure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/motions")
@Tag(name = "Motions", description = "Motions with their frozen voter roll, votes, and decisions (Charter Art. 8, 9)")
class MotionController {

    private final IdempotentCommands commands;
    private final Motions motions;
    private final Delegates delegates;

    MotionController(IdempotentCommands commands, Motions motions, Delegates delegates) {
        this.commands = commands;
        this.motions = motions;
        this.delegates = delegates;
    }

    /**
     * A motion: the Art. 8 item it decides (or the kind COORDINATOR_REPLACEMENT), and for a decision with an effect
     * its structured subject, such as {"type": "ADMIT", "party": "CN-LIAONING", ...}.
     */
    /** Ballots one request may record: more than any roll holds (NEAR's has 79 members). */
    static final int MAX_BALLOTS = 500;

    record OpenRequest(@NotNull MotionId id, @NotNull MeetingId meeting, MotionKind kind, Integer item,
                       @NotBlank @Size(max = 1000) String subject, @NotNull Procedure procedure, Effect effect) {
    }

    record VoteRequest(@NotNull MemberId member, @NotNull Choice choice, LocalDate castOn) {
    }

    record BallotsRequest(@NotNull @Size(min = 1, max = MAX_BALLOTS) List<@Valid @NotNull BallotLine> ballots) {
    }

    record BallotLine(@NotNull MemberId member, @NotNull Choice choice, LocalDate castOn) {
    }

    record CloseRequest(LocalDate decidedOn) {
    }

    /** Parts of an effect that may be left out: a new subcommittee's field of work. */
    private static final Set<String> OPTIONAL_PARTS = Set.of("effect.field");

    /**
     * An effect names every part of what it does, its parties by ids led by a country code, and its text fits the
     * views that will hold it (the name of a party admitted by the motion: {@code register_party.name}, 200
     * characters).
     */
    private static void checkEffect(Effect effect) {
        for (RecordComponent component : effect.getClass().getRecordComponents()) {
            String field = "effect." + component.getName();
            Object value;
            try {
                value = component.getAccessor().invoke(effect);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
            if (value == null && !OPTIONAL_PARTS.contains(field) || value instanceof String text && text.isBlank()) {
                throw new InvalidInput(field, "NotBlank", field + " is required");
            }
            if (value instanceof MemberId party && !party.ledByCountryCode()) {
                throw new InvalidInput(field, "iso-country-prefix", field + " must start with an ISO 3166-1 country"
                        + " code, such as KR-ULSAN");
            }
            if (value instanceof String text && text.length() > 200) {
                throw new InvalidInput(field, "Size", field + " must be at most 200 characters long");
            }
            if (value instanceof List<?> list) {
                if (list.size() > LedgerBounds.MAX_PARTIES) {
                    throw new InvalidInput(field, "Size", field + " must name at most " + LedgerBounds.MAX_PARTIES
                            + " parties");
                }
                for (Object item : list) {
                    if (!(item instanceof MemberId party) || !party.ledByCountryCode()) {
                        throw new InvalidInput(field, "iso-country-prefix", field + " must name parties by ids"
                                + " that start with an ISO 3166-1 country code, such as KR-ULSAN");
                    }
                }
            }
        }
    }

    @PostMapping
    @Operation(operationId = "openMotion", summary = "Open a motion at a meeting, freezing its voter roll",
            description = "The roll is every member with a vote on the meeting's first day by the dues rule; the"
                    + " parties left off it are recorded with the reason.")
    ResponseEntity<Receipt> open(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                 @Valid @RequestBody OpenRequest request) {
        MotionKind kind = request.kind() == null ? MotionKind.ARTICLE_8 : request.kind();
        if (request.effect() != null) {
            checkEffect(request.effect());
        }
        return Receipts.respond(HttpStatus.CREATED, "/api/motions/" + request.id().value(),
                commands.submit(idempotencyKey, motions.open(
                new Motions.MotionRequest(request.id(), request.meeting(), kind, request.item(),
                        request.subject().strip(), request.procedure(), request.effect()))));
    }

    @PostMapping("/{id}/votes")
    @Operation(operationId = "castVote", summary = "Cast a member's vote (or record its returned written ballot)",
            description = "A DELEGATE casts the vote of the member it is bound to; the SECRETARIAT records any member's."
                    + " castOn falls on the meeting's days; not given, it is the meeting's last day.")
    ResponseEntity<Receipt> vote(@PathVariable MotionId id,
                                 @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                 @Valid @RequestBody VoteRequest request) {
        delegates.checkMayVoteFor(request.member());
        return Receipts.respond(HttpStatus.CREATED, "/api/motions/" + id.value(),
                commands.submit(idempotencyKey,
                motions.vote(id, request.member(), request.choice(), request.castOn())));
    }

    @PostMapping("/{id}/ballots")
    @Operation(operationId = "recordBallots", summary = "Record a round of returned written ballots, all or none",
            description = "Each ballot is checked as a single vote would be (on the roll, one vote, on the meeting's"
                    + " days); if any is refused none is recorded, and the problem lists every refused ballot with its"
                    + " index, member and rule (refusals). castOn not given is the meeting's last day. Up to "
                    + MAX_BALLOTS + " ballots; the SECRETARIAT only.")
    ResponseEntity<Receipt> ballots(@PathVariable MotionId id,
                                    @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                    @Valid @RequestBody BallotsRequest request) {
        return Receipts.respond(HttpStatus.CREATED, "/api/motions/" + id.value(),
                commands.submit(idempotencyKey, motions.ballots(id,
                request.ballots().stream()
                        .map(line -> new MotionCommands.Ballot(line.member(), line.choice(), line.castOn()))
                        .toList())));
    }

    @PostMapping("/{id}/closure")
    @Operation(operationId = "closeMotion", summary = "Close a motion and decide it",
            description = "Records the outcome with the numbers it was derived from; a passed motion takes effect."
                    + " decidedOn falls on the meeting's days, on or after the last vote; not given, it is the"
                    + " meeting's last day.")
    ResponseEntity<Receipt> close(@PathVariable MotionId id,
                                  @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                                  @RequestBody(required = false) CloseRequest request) {
        return Receipts.respond(HttpStatus.CREATED, "/api/motions/" + id.value(),
                commands.submit(idempotencyKey,
                motions.close(id, request == null ? null : request.decidedOn())));
    }
}
