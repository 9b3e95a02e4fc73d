package org.charterledger.query.rights;

import org.charterledger.charter.DuesRates;
import org.charterledger.charter.MembershipPeriod;
import org.charterledger.charter.PartyFacts;
import org.charterledger.charter.Payment;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back, from the views, the facts the charter rules need ({@link PartyFacts}, {@link DuesRates}) and the
 * details shown beside them: the same facts the command side folds from the events.
 */
@Component
class RecordedFacts {

    /** A party's name and country, from the register. */
    record Party(String id, String country, String name) {
    }

    /** A payment as recorded, with the positions of its events. */
    record PaymentRecord(String paymentId, int fiscalYear, Money paid, Money credited, LocalDate paidOn,
                         String reference, long position, LocalDate reversedOn, String reversalReason,
                         Long reversedPosition) {
    }

    /** A period of the register, with the positions of the events that opened and closed it. */
    record PeriodRecord(MembershipPeriod period, long fromPosition, Long untilPosition) {
    }

    private final JdbcClient jdbc;

    RecordedFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Party> parties() {
        return jdbc.sql("SELECT id, country, name FROM projection.register_party ORDER BY country, id")
                .query(Party.class).list();
    }

    Optional<Party> party(String id) {
        return jdbc.sql("SELECT id, country, name FROM projection.register_party WHERE id = ?")
                .param(id).query(Party.class).optional();
    }

    DuesRates rates() {
        DuesRates rates = DuesRates.initial();
        for (var change : jdbc.sql("SELECT from_year, amount, currency FROM projection.dues_rate ORDER BY from_year")
                .query((rs, i) -> Map.entry(FiscalYear.of(rs.getInt("from_year")), money(rs, "amount", "currency")))
                .list()) {
            rates = rates.changedFrom(change.getKey(), change.getValue());
        }
        return rates;
    }

    List<PeriodRecord> periods(String party) {
        return jdbc.sql("""
                        SELECT category, from_date, until_date, basis, from_position, until_position
                        FROM projection.register_period WHERE party_id = ? ORDER BY from_date""")
                .param(party)
                .query((rs, i) -> new PeriodRecord(period(rs), rs.getLong("from_position"),
                        (Long) rs.getObject("until_position", Long.class)))
                .list();
    }

    List<PaymentRecord> payments(String party) {
        return jdbc.sql("SELECT * FROM projection.dues_payment WHERE member_id = ? ORDER BY paid_on, paid_position")
                .param(party)
                .query((rs, i) -> payment(rs))
                .list();
    }

    PartyFacts facts(String party) {
        return facts(periods(party).stream().map(PeriodRecord::period).toList(), payments(party));
    }

    /** The facts of every party on the register, in two queries. */
    Map<String, PartyFacts> allFacts() {
        Map<String, List<MembershipPeriod>> periods = new LinkedHashMap<>();
        jdbc.sql("SELECT party_id, category, from_date, until_date, basis FROM projection.register_period"
                        + " ORDER BY party_id, from_date")
                .query(rs -> {
                    periods.computeIfAbsent(rs.getString("party_id"), id -> new ArrayList<>()).add(period(rs));
                });
        Map<String, List<PaymentRecord>> payments = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM projection.dues_payment ORDER BY member_id, paid_on, paid_position")
                .query(rs -> {
                    payments.computeIfAbsent(rs.getString("member_id"), id -> new ArrayList<>()).add(payment(rs));
                });
        Map<String, PartyFacts> facts = new LinkedHashMap<>();
        periods.forEach((id, list) -> facts.put(id, facts(list, payments.getOrDefault(id, List.of()))));
        return facts;
    }

    private static PartyFacts facts(List<MembershipPeriod> periods, List<PaymentRecord> payments) {
        return new PartyFacts(periods, payments.stream()
                .map(p -> new Payment(new PaymentId(p.paymentId()), FiscalYear.of(p.fiscalYear()), p.credited(),
                        p.paidOn(), p.reversedOn()))
                .toList());
    }

    private static MembershipPeriod period(ResultSet rs) throws SQLException {
        return new MembershipPeriod(PartyCategory.valueOf(rs.getString("category")),
                rs.getDate("from_date").toLocalDate(), date(rs, "until_date"),
                AdmissionBasis.OPENING_BALANCE.name().equals(rs.getString("basis")));
    }

    private static PaymentRecord payment(ResultSet rs) throws SQLException {
        return new PaymentRecord(rs.getString("payment_id"), rs.getInt("fiscal_year"),
                money(rs, "paid_amount", "paid_currency"), money(rs, "credited_amount", "credited_currency"),
                rs.getDate("paid_on").toLocalDate(), rs.getString("reference"), rs.getLong("paid_position"),
                date(rs, "reversed_on"), rs.getString("reversal_reason"),
                (Long) rs.getObject("reversed_position", Long.class));
    }

    private static Money money(ResultSet rs, String amount, String currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(amount);
        Currency code = Currency.getInstance(rs.getString(currency).trim());
        return new Money(value.setScale(Math.max(code.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY), code);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
