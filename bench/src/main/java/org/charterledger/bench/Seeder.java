package org.charterledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.DuesStanding;
import org.charterledger.charter.PartyFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.Effect;
import org.charterledger.events.EventJson;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.NextHostElected;
import org.charterledger.events.Outcome;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;
import org.charterledger.events.PaymentId;
import org.charterledger.events.Procedure;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Fills a ledger fast with years of realistic history: exactly the rows the command path would write for the same
 * requests, written with COPY instead of one HTTP request and one transaction each.
 *
 * <p>Each request of the history (a dues payment, a reversal, a meeting convened, its attendance, a motion opened,
 * a vote, a motion closed, a meeting closed, a subcommittee's activity) becomes what {@code IdempotentCommands}
 * would leave for it: its events, serialized by Axon's {@link JacksonSerializer} on {@link EventJson#mapper()} with
 * the revision of their {@code @Revision}, the next sequence numbers of their aggregate, and the metadata of the
 * command path (trace and correlation id, principal, request id); the claimed idempotency key in
 * {@code ledger.command_request} with the request's fingerprint and the position of its last event; and the rows
 * the command side's lookups write in the same transaction ({@code dues_payment_index}, {@code meeting_index},
 * {@code meeting_attendance}, {@code motion_index}, {@code next_host_index}). What a command decides is decided by
 * the same charter rules of {@code shared-events}: the voter roll of every motion is {@link VoterRoll#at} over the
 * parties' facts folded from the events written before it, the outcome is the decision rule's {@link Tally}, a year
 * is paid only if {@link DuesStanding#isAssessed}, and the chair passes at the close of an Assembly as the chair's
 * succession passes it. A command-side lookup added to the services must be added here too.
 *
 * <p>The history runs from the day after the last meeting (or admission) in the ledger to yesterday. Every year:
 * each member pays the year's dues (most in one payment, some in two instalments, some late, in the next year), a
 * few payments are reversed and paid again, an Executive Committee meets in spring and, every other year, a General
 * Assembly in autumn (which elects the next host, who becomes chair at its close); nearly every member on a roll
 * votes. The size asked for is reached by the number of motions put to each meeting, spread evenly over the
 * meetings; the ledger comes out within a few per cent of it (the history stops early only where a year would
 * overshoot it by a tenth).
 */
final class Seeder {

    /** What a seeding wrote. */
    record Result(String association, long eventsBefore, long eventsAfter, LocalDate from, LocalDate to, int parties,
                  int meetings, int motions, int payments, int reversals, double seconds) {

        String describe() {
            return String.format("%s: %,d events (%,d seeded in %.1f s), %d parties, %s to %s: %,d payments,"
                            + " %,d reversals, %d meetings, %,d motions", association, eventsAfter,
                    eventsAfter - eventsBefore, seconds, parties, from, to, payments, reversals, meetings, motions);
        }
    }

    private static final String SECRETARIAT = "secretariat";
    private static final String REGISTER = "reference-data-import";
    private static final String CHAIR = "CHAIR";
    private static final int CHUNK = 20_000;

    private final Pg db;
    private final String association;
    private final long target;
    private final Random random;
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final ObjectMapper canonicalJson = EventJson.mapper().copy()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final ObjectMapper events = EventJson.mapper();
    private final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    // the ledger as the seeding finds it and extends it
    private final Map<MemberId, PartyFacts> parties = new TreeMap<>(Comparator.comparing(MemberId::value));
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<Integer> subcommittees = new ArrayList<>();
    private long globalIndex;
    private int chairOrdinal;
    private MemberId chairHolder;
    private int lastAssemblyOrdinal;
    private int lastAssemblyYear;
    private LocalDate start;

    // rows waiting for COPY
    private Connection connection;
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();
    private Instant recordedAt;
    private int meetings, motions, payments, reversals;
    private double motionsPerMeeting = 1;
    private int motionMeetings;
    private LocalDate lastDay;

    Seeder(Pg db, String association, long target, long seed) {
        if (!association.equals("near") && !association.equals("synthetic")) {
            throw new IllegalArgumentException("the association is near or synthetic, not " + association);
        }
        this.db = db;
        this.association = association;
        this.target = target;
        this.random = new Random(seed);
        columns.put("ledger.domain_event_entry", "global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data");
        columns.put("ledger.command_request", "principal, idempotency_key, command_type, request_hash, resource_id,"
                + " position, recorded_at");
        columns.put("ledger.dues_payment_index", "payment_id, member_id");
        columns.put("ledger.meeting_index", "meeting_id, body, first_day, last_day, closed, ordinal");
        columns.put("ledger.meeting_attendance", "meeting_id, party_id");
        columns.put("ledger.motion_index", "motion_id, meeting_id");
        columns.put("ledger.next_host_index", "meeting_id, host_id, motion_id");
        columns.keySet().forEach(table -> rows.put(table, new ArrayList<>()));
    }

    Result run() {
        long began = System.nanoTime();
        try (Connection c = db.connect()) {
            connection = c;
            c.setAutoCommit(false);
            long before = load();
            if (parties.isEmpty()) {
                if (!association.equals("synthetic")) {
                    throw new IllegalStateException("the ledger has no register: import NEAR's first"
                            + " (--ledger.import.reference-data=classpath:reference/near-2021.yaml)");
                }
                syntheticRegister();
            } else if (association.equals("synthetic")) {
                throw new IllegalStateException("the synthetic association is seeded into an empty ledger");
            }
            LocalDate from = start;
            history();
            flush();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('ledger.domain_event_entry', 'global_index'), "
                        + globalIndex + ")");
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String table : columns.keySet()) {
                    s.execute("ANALYZE " + table);
                }
            }
            return new Result(association, before, globalIndex, from, lastDay == null ? from : lastDay, parties.size(), meetings, motions,
                    payments, reversals, (System.nanoTime() - began) / 1e9);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("seeding failed", e);
        }
    }

    // ------------------------------------------------------------------------------------------ the ledger now

    /** Folds what the ledger holds: the parties' facts, the chair, the meetings, each stream's next sequence. */
    private long load() throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT aggregate_identifier, MAX(sequence_number) + 1"
                    + " FROM ledger.domain_event_entry GROUP BY aggregate_identifier")) {
                while (rs.next()) {
                    nextSequence.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(global_index), 0) FROM ledger.domain_event_entry")) {
                rs.next();
                globalIndex = rs.getLong(1);
            }
            LocalDate latest = LocalDate.of(1995, 12, 31);
            try (ResultSet rs = s.executeQuery("""
                    SELECT type, payload_type, payload_revision, payload FROM ledger.domain_event_entry
                    WHERE type IN ('Member', 'Chairmanship', 'Subcommittee') ORDER BY global_index""")) {
                while (rs.next()) {
                    Class<?> type;
                    try {
                        type = Class.forName(rs.getString(2));
                    } catch (ClassNotFoundException e) {
                        continue; // an event this seeding does not need to know
                    }
                    String revision = serializer.typeForClass(type).getRevision();
                    if (revision != null && !revision.equals(rs.getString(3))) {
                        throw new IllegalStateException("the ledger holds " + type.getSimpleName() + " at revision "
                                + rs.getString(3) + ": seed a ledger at the current revisions");
                    }
                    Object event = events.readValue(rs.getBytes(4), type);
                    latest = fold(event, latest);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT body, ordinal, first_day, last_day FROM ledger.meeting_index")) {
                while (rs.next()) {
                    LocalDate last = rs.getDate(4).toLocalDate();
                    latest = last.isAfter(latest) ? last : latest;
                    if (rs.getString(1).equals("GA") && rs.getInt(2) > lastAssemblyOrdinal) {
                        lastAssemblyOrdinal = rs.getInt(2);
                        lastAssemblyYear = rs.getDate(3).toLocalDate().getYear();
                    }
                }
            }
            start = latest.plusDays(1);
        }
        return globalIndex;
    }

    private LocalDate fold(Object event, LocalDate latest) {
        if (event instanceof MemberAdmitted e) {
            parties.put(e.member(), parties.getOrDefault(e.member(), PartyFacts.none()).then(e));
            return e.admittedOn().isAfter(latest) ? e.admittedOn() : latest;
        } else if (event instanceof PartyEvent e) {
            parties.computeIfPresent(e.member(), (k, f) -> f.then(e));
        } else if (event instanceof ChairTermBegan e) {
            chairOrdinal = e.ordinal();
            chairHolder = e.holder();
        } else if (event instanceof ChairTermEnded e) {
            chairHolder = null;
        } else if (event instanceof org.charterledger.events.SubcommitteeEstablished e) {
            subcommittees.add(e.number());
        } else if (event instanceof org.charterledger.events.SubcommitteeAbolished e) {
            subcommittees.remove(Integer.valueOf(e.number()));
        }
        return latest;
    }

    // --------------------------------------------------------------------------------------- the association

    /**
     * A register ten times NEAR's, on an opening balance of 1 January 1996 (the Charter's signing year): 780 members
     * from the six member countries, 10 associates and 30 observers; the first Korean member chairs.
     */
    private void syntheticRegister() throws SQLException, IOException {
        LocalDate opening = LocalDate.of(1996, 1, 1);
        String[] memberCountries = {"CN", "JP", "KR", "MN", "RU", "KP"};
        List<MemberAdmitted> admissions = new ArrayList<>();
        for (int i = 1; i <= 780; i++) {
            String country = memberCountries[i % memberCountries.length];
            admissions.add(admitted(country + "-S" + i, country, "Province " + i, PartyCategory.MEMBER, opening));
        }
        for (int i = 1; i <= 10; i++) {
            admissions.add(admitted("VN-A" + i, "VN", "Associate city " + i, PartyCategory.ASSOCIATE, opening));
        }
        for (int i = 1; i <= 30; i++) {
            admissions.add(admitted("TH-O" + i, "TH", "Observer province " + i, PartyCategory.OBSERVER, opening));
        }
        for (MemberAdmitted e : admissions) {
            Map<String, Object> request = new TreeMap<>();
            request.put("member", e.member());
            request.put("country", e.country());
            request.put("name", e.name());
            request.put("localName", null);
            request.put("category", e.category());
            request.put("admittedOn", e.admittedOn());
            request.put("basis", e.basis());
            request.put("decidedBy", null);
            command(REGISTER, "synthetic.yaml:opening-balance:" + e.member(), "AdmitMember",
                    "org.charterledger.command.membership.AdmitMember", request, e.member().value(),
                    new Append(e.member().value(), "Member", e));
            parties.put(e.member(), PartyFacts.none().then(e));
        }
        MemberId chair = admissions.stream().map(MemberAdmitted::member)
                .filter(m -> m.value().startsWith("KR-")).findFirst().orElseThrow();
        Map<String, Object> request = new TreeMap<>();
        request.put("chairmanship", CHAIR);
        request.put("ordinal", 1);
        request.put("holder", chair);
        request.put("from", opening);
        command(REGISTER, "synthetic.yaml:opening-balance:chair", "RecordChairOnOpeningBalance",
                "org.charterledger.command.offices.ChairCommands$RecordChairOnOpeningBalance", request, CHAIR,
                new Append(CHAIR, "Chairmanship", new ChairTermBegan(1, chair, opening, null, null)));
        chairOrdinal = 1;
        chairHolder = chair;
        lastAssemblyYear = 1994; // the first Assembly of the record meets in 1996
        start = opening;
    }

    private static MemberAdmitted admitted(String id, String country, String name, PartyCategory category,
                                           LocalDate on) {
        return new MemberAdmitted(new MemberId(id), new CountryCode(country), name, null, category, on,
                AdmissionBasis.OPENING_BALANCE, null);
    }

    // ------------------------------------------------------------------------------------------------- history

    /** One thing that happens on a business date. */
    private record Act(LocalDate on, int order, Step step) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws SQLException, IOException;
    }

    private void history() throws SQLException, IOException {
        int members = (int) parties.values().stream()
                .filter(f -> f.current().map(p -> p.category() == PartyCategory.MEMBER).orElse(false)).count();
        // the meetings that will take motions: an Executive Committee in a year without Assembly, else the Assembly
        int years = 0;
        int withMotions = 0;
        for (int year = start.getYear(), assembly = lastAssemblyYear; year <= yesterday.getYear(); year++) {
            years++;
            LocalDate sits = year - assembly >= 2 ? LocalDate.of(year, 9, 20) : LocalDate.of(year, 4, 20);
            if (year - assembly >= 2) {
                assembly = year;
            }
            if (!sits.isBefore(start) && !sits.isAfter(yesterday)) {
                withMotions++;
            }
        }
        // events of a year without motions: payments and their extras; two meetings convened, attended, closed
        double fixedPerYear = members * 1.15 + 8;
        double perMotion = members * 0.93 + 2;
        double left = target - globalIndex - years * fixedPerYear;
        motionsPerMeeting = Math.max(1, left / perMotion / Math.max(1, withMotions));
        for (int year = start.getYear(); year <= yesterday.getYear() && globalIndex < target * 1.1; year++) {
            year(year);
        }
    }

    private void year(int year) throws SQLException, IOException {
        List<Act> acts = new ArrayList<>();
        FiscalYear fiscalYear = FiscalYear.of(year);
        for (MemberId member : List.copyOf(parties.keySet())) {
            if (random.nextInt(100) < 4) {
                // paid late, in the next year
                LocalDate on = LocalDate.of(year + 1, 2, 1).plusDays(random.nextInt(40));
                acts.add(new Act(on, 1, () -> pay(member, fiscalYear, "1000", on, true)));
            } else if (random.nextInt(100) < 8) {
                LocalDate first = LocalDate.of(year, 2, 1).plusDays(random.nextInt(150));
                LocalDate second = first.plusDays(60 + random.nextInt(60));
                acts.add(new Act(first, 1, () -> pay(member, fiscalYear, "500", first, true)));
                acts.add(new Act(second, 1, () -> pay(member, fiscalYear, "500", second, false)));
            } else {
                LocalDate on = LocalDate.of(year, 1, 15).plusDays(random.nextInt(290));
                acts.add(new Act(on, 1, () -> pay(member, fiscalYear, "1000", on, true)));
            }
        }
        boolean assemblyYear = year - lastAssemblyYear >= 2;
        LocalDate executive = LocalDate.of(year, 4, 20);
        acts.add(new Act(executive, 0, () -> meeting(Body.EC, "EC" + year, 0, executive,
                assemblyYear ? 0 : nextMotionCount())));
        if (assemblyYear) {
            LocalDate assembly = LocalDate.of(year, 9, 20);
            int ordinal = chairOrdinal;
            acts.add(new Act(assembly, 0, () -> meeting(Body.GA, "GA" + ordinal, ordinal, assembly,
                    nextMotionCount() + 1)));
            lastAssemblyYear = year;
        }
        for (int i = 0; i < 3 && !subcommittees.isEmpty(); i++) {
            int number = subcommittees.get(random.nextInt(subcommittees.size()));
            LocalDate on = LocalDate.of(year, 3, 1).plusDays(random.nextInt(250));
            acts.add(new Act(on, 2, () -> activity(number, on)));
        }
        acts.sort(Comparator.comparing(Act::on).thenComparing(Act::order));
        for (Act act : acts) {
            if (!act.on().isBefore(start) && !act.on().isAfter(yesterday)) {
                act.step().run();
                lastDay = act.on();
            }
        }
    }

    /** The motions of the next meeting that takes motions: the size asked for, spread evenly over the meetings. */
    private int nextMotionCount() {
        int count = (int) (Math.floor((motionMeetings + 1) * motionsPerMeeting) - Math.floor(motionMeetings * motionsPerMeeting));
        motionMeetings++;
        return Math.max(1, count);
    }

    /** A dues payment, reversed now and then (a returned transfer) and then paid again. */
    private void pay(MemberId member, FiscalYear year, String credited, LocalDate on, boolean mayBounce)
            throws SQLException, IOException {
        PartyFacts facts = parties.get(member);
        if (!DuesStanding.isAssessed(facts, year) || on.isBefore(facts.periods().get(0).from())
                || facts.categoryOn(on).isEmpty()) {
            return;
        }
        String key = "seed:" + member + ":" + year + ":" + on + ":" + credited;
        PaymentId payment = new PaymentId(UUID.nameUUIDFromBytes((SECRETARIAT + '\n' + key)
                .getBytes(StandardCharsets.UTF_8)).toString());
        Money paid = Money.of(new java.math.BigDecimal(credited).multiply(java.math.BigDecimal.valueOf(1300))
                .toPlainString(), "KRW");
        Money value = Money.of(credited, "USD");
        String reference = "KEB " + on;
        DuesPaid event = new DuesPaid(member, payment, year, paid, value, on, reference);
        Map<String, Object> request = new TreeMap<>();
        request.put("member", member);
        request.put("payment", payment);
        request.put("year", year);
        request.put("paid", paid);
        request.put("credited", value);
        request.put("paidOn", on);
        request.put("reference", reference);
        command(SECRETARIAT, key, "PayDues", "org.charterledger.command.membership.PayDues", request,
                payment.value(), new Append(member.value(), "Member", event));
        add("ledger.dues_payment_index", payment.value(), member.value());
        parties.put(member, facts.then(event));
        payments++;
        LocalDate back = on.plusDays(14);
        if (mayBounce && random.nextInt(100) < 3 && !back.isAfter(yesterday)) {
            String reason = "transfer returned by the bank";
            DuesPaymentReversed reversal = new DuesPaymentReversed(member, payment, back, reason);
            Map<String, Object> reverse = new TreeMap<>();
            reverse.put("member", member);
            reverse.put("payment", payment);
            reverse.put("reversedOn", back);
            reverse.put("reason", reason);
            command(SECRETARIAT, key + ":reversal", "ReverseDuesPayment",
                    "org.charterledger.command.membership.ReverseDuesPayment", reverse, payment.value(),
                    new Append(member.value(), "Member", reversal));
            parties.put(member, parties.get(member).then(reversal));
            reversals++;
            LocalDate again = back.plusDays(7);
            if (!again.isAfter(yesterday)) {
                pay(member, year, credited, again, false);
            }
        }
    }

    /**
     * A meeting from its convening to its close: attendance, the motions with the roll's votes, each motion closed
     * and decided, and for an Assembly the election of the next host and the chair's succession at its close.
     */
    private void meeting(Body body, String id, int ordinal, LocalDate day, int motionCount)
            throws SQLException, IOException {
        MeetingId meeting = new MeetingId(id);
        String key = "seed:" + id + ":";
        MemberId host = body == Body.GA && chairHolder != null ? chairHolder : randomMember();
        int meetingOrdinal = body == Body.GA ? ordinal : day.getYear() - 1995;
        MeetingConvened convened = new MeetingConvened(meeting, body, meetingOrdinal, host, "Pohang", day, day);
        Map<String, Object> convene = new TreeMap<>();
        convene.put("meeting", meeting);
        convene.put("body", body);
        convene.put("ordinal", meetingOrdinal);
        convene.put("host", host);
        convene.put("venue", "Pohang");
        convene.put("firstDay", day);
        convene.put("lastDay", day);
        command(SECRETARIAT, key + "convene", "ConveneMeeting",
                "org.charterledger.command.meetings.MeetingCommands$ConveneMeeting", convene, id,
                new Append(id, "Meeting", convened));
        meetings++;

        VoterRoll roll = VoterRoll.at(parties, DuesRates.initial(), day);
        List<MemberId> present = new ArrayList<>();
        for (MemberId party : parties.keySet()) {
            boolean onRoll = roll.contains(party);
            if (parties.get(party).categoryOn(day).isPresent() && random.nextInt(100) < (onRoll ? 92 : 50)) {
                present.add(party);
            }
        }
        if (!present.isEmpty()) {
            Map<String, Object> attendance = new TreeMap<>();
            attendance.put("meeting", meeting);
            attendance.put("present", present);
            command(SECRETARIAT, key + "attendance", "RecordAttendance",
                    "org.charterledger.command.meetings.MeetingCommands$RecordAttendance", attendance, id,
                    new Append(id, "Meeting", new AttendanceRecorded(meeting, present)));
            present.forEach(p -> add("ledger.meeting_attendance", id, p.value()));
        }
        Set<MemberId> attending = Set.copyOf(present);

        MemberId nextHost = null;
        MotionId electing = null;
        for (int m = 1; m <= motionCount && !roll.entries().isEmpty(); m++) {
            MotionId motion = new MotionId(id + "-M" + m);
            boolean election = body == Body.GA && m == 1;
            int item = election ? 9 : body == Body.EC ? new int[] {1, 7, 8}[m % 3] : 1 + (m % 11 == 8 ? 9 : m % 11);
            Effect effect = null;
            if (election) {
                List<MemberId> candidates = roll.entries().stream().map(e -> e.member())
                        .filter(c -> !c.equals(chairHolder)).toList();
                effect = new Effect.ElectNextHost(candidates.get(random.nextInt(candidates.size())));
            }
            if (motion(meeting, body, motion, item, effect, roll, attending, day, key)
                    && effect instanceof Effect.ElectNextHost elect) {
                nextHost = elect.host();
                electing = motion;
            }
        }

        List<Append> closing = new ArrayList<>();
        closing.add(new Append(id, "Meeting", new MeetingClosed(meeting, day)));
        if (body == Body.GA) {
            // the chair's succession, in the transaction that closes the Assembly (commands of their own)
            if (chairHolder != null && chairOrdinal == ordinal) {
                closing.add(new Append(CHAIR, "Chairmanship", new ChairTermEnded(chairOrdinal, chairHolder, day,
                        meeting), true));
                chairHolder = null;
            }
            if (nextHost != null && chairHolder == null) {
                int elected = ordinal + 1;
                closing.add(new Append(CHAIR, "Chairmanship", new ChairTermBegan(elected, nextHost, day, electing,
                        meeting), true));
                chairOrdinal = elected;
                chairHolder = nextHost;
            }
        }
        Map<String, Object> close = new TreeMap<>();
        close.put("meeting", meeting);
        command(SECRETARIAT, key + "close", "CloseMeeting",
                "org.charterledger.command.meetings.MeetingCommands$CloseMeeting", close, id,
                closing.toArray(Append[]::new));
        add("ledger.meeting_index", id, body.name(), day.toString(), day.toString(), "t",
                Integer.toString(meetingOrdinal));
    }

    /** A motion opened, voted on by nearly all of its roll, and closed; whether it passed. */
    private boolean motion(MeetingId meeting, Body body, MotionId motion, int item, Effect effect, VoterRoll roll,
                           Set<MemberId> attending, LocalDate day, String key) throws SQLException, IOException {
        DecisionRule rule = DecisionRule.forItem(item);
        String subject = effect != null ? "Elect the host of the next General Assembly"
                : "Motion " + motion + " under Art. 8 item " + item;
        MotionOpened opened = new MotionOpened(motion, meeting, body, MotionKind.ARTICLE_8, item, rule.name(), subject,
                Procedure.SITTING, effect, day, roll.entries(), roll.leftOff());
        Map<String, Object> open = new TreeMap<>();
        open.put("motion", motion);
        open.put("meeting", meeting);
        open.put("kind", MotionKind.ARTICLE_8);
        open.put("item", item);
        open.put("subject", subject);
        open.put("procedure", Procedure.SITTING);
        open.put("effect", effect);
        command(SECRETARIAT, key + motion + ":open", "OpenMotion", "org.charterledger.command.voting.Motions$MotionRequest",
                open, motion.value(), new Append(motion.value(), "Motion", opened));
        add("ledger.motion_index", motion.value(), meeting.value());
        motions++;

        int yes = 0, no = 0, abstain = 0;
        Set<MemberId> present = new TreeSet<>(Comparator.comparing(MemberId::value));
        for (var entry : roll.entries()) {
            MemberId member = entry.member();
            if (attending.contains(member)) {
                present.add(member);
            }
            if (random.nextInt(100) >= 93) {
                continue;
            }
            int draw = random.nextInt(100);
            Choice choice = effect != null || draw < 85 ? Choice.YES : draw < 95 ? Choice.NO : Choice.ABSTAIN;
            switch (choice) {
                case YES -> yes++;
                case NO -> no++;
                default -> abstain++;
            }
            present.add(member);
            Map<String, Object> vote = new TreeMap<>();
            vote.put("motion", motion);
            vote.put("member", member);
            vote.put("choice", choice);
            vote.put("castOn", day);
            command(SECRETARIAT, key + motion + ":vote:" + member, "CastVote",
                    "org.charterledger.command.voting.MotionCommands$CastVote", vote, motion.value(),
                    new Append(motion.value(), "Motion", new VoteCast(motion, member, choice, day)));
        }
        Tally tally = rule.tally(roll.entries().size(), present.size(), yes, no, abstain);
        List<Append> closing = new ArrayList<>();
        closing.add(new Append(motion.value(), "Motion", new MotionDecided(motion, tally.outcome(),
                new ArrayList<>(present), tally, day)));
        boolean passed = tally.outcome() == Outcome.PASSED;
        if (passed && effect instanceof Effect.ElectNextHost elect) {
            closing.add(new Append(motion.value(), "Motion", new NextHostElected(motion, meeting, elect.host(), day)));
            add("ledger.next_host_index", meeting.value(), elect.host().value(), motion.value());
        }
        Map<String, Object> close = new TreeMap<>();
        close.put("motion", motion);
        close.put("decidedOn", day);
        command(SECRETARIAT, key + motion + ":close", "CloseMotion",
                "org.charterledger.command.voting.Motions$ClosureRequest", close, motion.value(),
                closing.toArray(Append[]::new));
        return passed;
    }

    /** A subcommittee's meeting, online, recorded on its day. */
    private void activity(int number, LocalDate on) throws SQLException, IOException {
        String stream = "SC-" + number;
        Map<String, Object> request = new TreeMap<>();
        request.put("ordinal", null);
        request.put("firstDay", on);
        request.put("lastDay", null);
        request.put("host", null);
        request.put("form", "online");
        command(SECRETARIAT, "seed:" + stream + ":activity:" + on, "RecordSubcommitteeActivity",
                "org.charterledger.command.subcommittees.SubcommitteeController$ActivityRequest", request,
                Integer.toString(number), new Append(stream, "Subcommittee",
                        new SubcommitteeActivityRecorded(number, null, on, on, null, "online")));
    }

    private MemberId randomMember() {
        List<MemberId> members = parties.entrySet().stream()
                .filter(p -> p.getValue().current().map(c -> c.category() == PartyCategory.MEMBER).orElse(false))
                .map(Map.Entry::getKey).toList();
        return members.get(random.nextInt(members.size()));
    }

    // ------------------------------------------------------------------------------------------ the rows written

    /** An event appended to a stream; {@code nested} when a command sent by a handler in the same transaction did. */
    private record Append(String aggregate, String type, Object payload, boolean nested) {
        Append(String aggregate, String type, Object payload) {
            this(aggregate, type, payload, false);
        }
    }

    /**
     * What {@code IdempotentCommands} leaves for one accepted request: its events with the command path's metadata,
     * and its idempotency key with the request's fingerprint and the position of the last event.
     */
    private void command(String principal, String key, String commandType, String requestClass,
                         Map<String, Object> request, String resourceId, Append... events)
            throws SQLException, IOException {
        String commandId = UUID.randomUUID().toString();
        for (Append event : events) {
            // a nested command's events are correlated with that command, and traced to the client's
            String correlation = event.nested() ? UUID.randomUUID().toString() : commandId;
            Map<String, Object> meta = new HashMap<>();
            meta.put("traceId", commandId);
            meta.put("correlationId", correlation);
            meta.put("principal", principal);
            meta.put("requestId", key);
            SerializedObject<byte[]> payload = serializer.serialize(event.payload(), byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(meta), byte[].class);
            long sequence = nextSequence.merge(event.aggregate(), 1L, Long::sum) - 1;
            globalIndex++;
            add("ledger.domain_event_entry", Long.toString(globalIndex), UUID.randomUUID().toString(),
                    event.aggregate(), Long.toString(sequence), event.type(), DateTimeUtils.formatInstant(now()),
                    payload.getType().getName(), payload.getType().getRevision(), bytea(payload.getData()),
                    bytea(metaData.getData()));
        }
        add("ledger.command_request", principal, key, commandType, fingerprint(requestClass, request), resourceId,
                Long.toString(globalIndex), OffsetDateTime.ofInstant(now(), ZoneOffset.UTC).toString());
    }

    /** The recording time: the seeding's clock, as for a batch entered today. */
    private Instant now() {
        if (recordedAt == null) {
            recordedAt = Instant.now();
        }
        return recordedAt;
    }

    /** The request's fingerprint as {@code IdempotentCommands} takes it: SHA-256 of its class and canonical JSON. */
    private String fingerprint(String requestClass, Map<String, Object> request) {
        try {
            byte[] canonical = (requestClass + ':' + canonicalJson.writeValueAsString(request))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bytea(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    private void add(String table, String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
            }
        }
        rows.get(table).add(line.append('\n').toString());
        if (table.equals("ledger.domain_event_entry") && rows.get(table).size() >= CHUNK) {
            try {
                flush();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("seeding failed", e);
            }
        }
    }

    /** Writes the waiting rows with COPY, in the seeding's one transaction. */
    private void flush() throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Map.Entry<String, List<String>> table : rows.entrySet()) {
            if (table.getValue().isEmpty()) {
                continue;
            }
            StringBuilder data = new StringBuilder();
            table.getValue().forEach(data::append);
            copy.copyIn("COPY " + table.getKey() + " (" + columns.get(table.getKey()) + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(data.toString()));
            table.getValue().clear();
        }
        recordedAt = null;
    }
}
