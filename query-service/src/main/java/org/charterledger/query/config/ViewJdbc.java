package org.charterledger.query.config;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the views' event handlers write with. A processor handles a batch of events (up to 500) in one transaction;
 * written one statement at a time, a replay of a motion's 79 votes and 79 roll entries costs 160 round trips to the
 * database. Here a handler's statements are held in the batch's unit of work and sent when the batch commits, just
 * before its token: runs of the same statement go as one JDBC batch (one round trip), in the order they were written.
 * <p>
 * A read ({@link Statement#query}) sends what is held first, so a handler always reads what the handlers before it
 * wrote. Outside a unit of work (a reset) a statement is sent at once. A handler call that fails leaves none of its
 * statements behind ({@link DeadLetters}). Where a view handles each event in a savepoint of its own, the event's
 * statements are sent within it ({@link #flushPending()}), so that a statement that fails is rolled back and parked
 * with its event alone.
 */
@Component
public class ViewJdbc {

    private static final String PENDING = ViewJdbc.class.getName() + ".pending";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate named;

    public ViewJdbc(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.named = new NamedParameterJdbcTemplate(template);
    }

    public Statement sql(String sql) {
        return new Statement(sql);
    }

    /** Sends the statements the current unit of work holds, if any. */
    static void flushPending() {
        pending().ifPresent(Pending::flush);
    }

    /** How many statements the current unit of work holds: a mark to {@link #discardPendingFrom} later. */
    static int pendingMark() {
        return pending().map(p -> p.statements.size()).orElse(0);
    }

    /** Forgets the statements written since {@code mark}: the handler call that wrote them failed. */
    static void discardPendingFrom(int mark) {
        pending().ifPresent(p -> p.statements.subList(Math.min(mark, p.statements.size()), p.statements.size())
                .clear());
    }

    private static Optional<Pending> pending() {
        return CurrentUnitOfWork.isStarted()
                ? Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(PENDING))
                : Optional.empty();
    }

    private Pending pendingOrNew() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending(template, named);
            unitOfWork.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /** One statement: positional parameters ({@code ?}) or named ones ({@code :name}), not both. */
    public final class Statement {

        private final String sql;
        private Object[] positional = new Object[0];
        private Map<String, Object> named;

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement params(Object... values) {
            this.positional = values;
            return this;
        }

        public Statement param(String name, Object value) {
            if (named == null) {
                named = new LinkedHashMap<>();
            }
            named.put(name, value);
            return this;
        }

        /** Written when the batch commits; at once outside a unit of work. */
        public void update() {
            if (!CurrentUnitOfWork.isStarted()) {
                spec().update();
                return;
            }
            pendingOrNew().statements.add(this);
        }

        /** Reads, after sending what the unit of work holds. */
        public <T> JdbcClient.MappedQuerySpec<T> query(Class<T> type) {
            flushPending();
            return spec().query(type);
        }

        private JdbcClient.StatementSpec spec() {
            return named != null ? jdbc.sql(sql).params(named) : jdbc.sql(sql).params(positional);
        }

        private boolean sameShape(Statement other) {
            return sql.equals(other.sql) && (named == null) == (other.named == null);
        }
    }

    /** The statements one unit of work holds, in the order they were written. */
    private static final class Pending {

        private final JdbcTemplate template;
        private final NamedParameterJdbcTemplate named;
        private final List<Statement> statements = new ArrayList<>();

        private Pending(JdbcTemplate template, NamedParameterJdbcTemplate named) {
            this.template = template;
            this.named = named;
        }

        private void flush() {
            int from = 0;
            while (from < statements.size()) {
                Statement first = statements.get(from);
                int to = from + 1;
                while (to < statements.size() && statements.get(to).sameShape(first)) {
                    to++;
                }
                send(statements.subList(from, to));
                from = to;
            }
            statements.clear();
        }

        private void send(List<Statement> run) {
            Statement first = run.get(0);
            if (run.size() == 1) {
                first.spec().update();
            } else if (first.named != null) {
                named.batchUpdate(first.sql, run.stream()
                        .map(s -> new MapSqlParameterSource(s.named)).toArray(SqlParameterSource[]::new));
            } else {
                template.batchUpdate(first.sql, run.stream().map(s -> s.positional).toList());
            }
        }
    }
}
