package org.charterledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.query.audit.Rebuilds.Rebuild;
import org.charterledger.query.audit.Rebuilds.RebuildRefused;
import org.charterledger.query.config.NotFound;
import org.charterledger.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Audit", description = "Rebuild every view from the events alone and compare the checksums")
public class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/audit/rebuilds")
    @Operation(operationId = "startRebuild",
            summary = "Rebuild every view from the first event (role AUDITOR or SECRETARIAT)",
            description = "Answers 202 with the rebuild; follow its progress at its Location. View queries answer 503"
                    + " with Retry-After until it completes; the audit endpoints stay answerable.")
    @ApiResponse(responseCode = "202", description = "Started: the rebuild, to follow at its Location",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "the rebuild's progress",
                    schema = @Schema(type = "string", example = "/api/audit/rebuilds/1b4e28ba-2fa1-11d2-883f-0016d3cca427")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Rebuild.class)))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running, here or on another instance")
    ResponseEntity<Rebuild> start(Authentication principal) {
        Rebuild rebuild = rebuilds.start(principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/audit/rebuilds/" + rebuild.id())).body(rebuild);
    }

    @GetMapping("/api/audit/rebuilds/{id}")
    @Operation(operationId = "getRebuild",
            summary = "A rebuild's progress, and at the end the checksum of every projection before and after")
    public Rebuild rebuild(@PathVariable String id) {
        return rebuilds.find(id).orElseThrow(() -> new NotFound("id", "no rebuild " + id));
    }

    /** A rebuild refused is a conflict with the one running, or with another instance: 409 naming the rule. */
    @ExceptionHandler(RebuildRefused.class)
    ResponseEntity<ProblemDetail> refused(RebuildRefused e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemResponses.problem(HttpStatus.CONFLICT, e.type(), e.getMessage(), null, e.rule()));
    }
}
