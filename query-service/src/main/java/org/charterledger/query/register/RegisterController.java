package org.charterledger.query.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.config.CsvExport;
import org.charterledger.query.config.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/members")
@Tag(name = "Register", description = "Members, associates and observers on a date")
public class RegisterController {

    private static final String SELECT = """
            SELECT p.id, p.country, p.name, p.local_name, r.category, r.from_date AS since, r.basis
            FROM projection.register_party p JOIN projection.register_period r ON r.party_id = p.id
            WHERE r.from_date <= :asOf AND (r.until_date IS NULL OR r.until_date > :asOf)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A party as the register shows it on a date: its category then, and since when it has held it. */
    public record Party(String id, String country, String name, String localName, PartyCategory category,
                 LocalDate since, String basis) {
    }

    /** The register on a date: its parties and how many there are in each category. */
    public record Register(LocalDate asOf, int total, Map<PartyCategory, Integer> byCategory, List<Party> parties) {
    }

    @GetMapping
    @Operation(operationId = "getRegister", summary = "The register on a date",
            description = "Every party on the register on asOf (default: today), optionally only one category or"
                    + " country, ordered by country and id. Pass atLeast=<position> to wait for your own write.")
    public Register register(
            @Parameter(description = "MEMBER, ASSOCIATE or OBSERVER") @RequestParam(required = false)
            PartyCategory category,
            @Parameter(description = "ISO 3166-1 alpha-2 code, such as KR") @RequestParam(required = false)
            CountryCode country,
            @Parameter(description = "the business date, YYYY-MM-DD; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "a ledger position the answer must reflect (waits a few seconds at most)")
            @RequestParam(required = false) Long atLeast) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<Party> parties = jdbc.sql(SELECT + """
                         AND (CAST(:category AS VARCHAR(16)) IS NULL OR r.category = :category)
                         AND (CAST(:country AS CHAR(2)) IS NULL OR p.country = :country)
                        ORDER BY p.country, p.id""")
                .param("asOf", date)
                .param("category", category == null ? null : category.name())
                .param("country", country == null ? null : country.value())
                .query(Party.class).list();
        Map<PartyCategory, Integer> byCategory = new EnumMap<>(PartyCategory.class);
        parties.forEach(party -> byCategory.merge(party.category(), 1, Integer::sum));
        return new Register(date, parties.size(), byCategory, parties);
    }

    /** The register on a date as CSV (Accept: text/csv, or ?format=csv): the JSON answer's parties, a row each. */
    @GetMapping(produces = "text/csv")
    CsvExport<Party> registerAsCsv(@RequestParam(required = false) PartyCategory category,
                                   @RequestParam(required = false) CountryCode country,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate asOf,
                                   @RequestParam(required = false) Long atLeast) {
        Register register = register(category, country, asOf, atLeast);
        return CsvExport.of("register-" + register.asOf(), Party.class, register.parties());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getParty",
            summary = "One party on a date", description = "404 when the id was not on the register on asOf.")
    public Party party(@PathVariable MemberId id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) Long atLeast) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return jdbc.sql(SELECT + " AND p.id = :id")
                .param("asOf", date).param("id", id.value())
                .query(Party.class).optional()
                .orElseThrow(() -> new NotFound("id", id + " is not on the register on " + date));
    }
}
