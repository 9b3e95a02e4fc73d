package org.charterledger.web;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means the database is away (stopped, restarting, unreachable), wherever it is wrapped:
 * no connection within the pool's bounded wait, a connection that broke mid-transaction, a server shutting down.
 * Such a request is answered 503 with Retry-After, not 500: it is not a bug, and it can be retried.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && isOutage(sql.getSQLState())) {
                return true;
            }
            // "JDBC rollback failed": the rollback's own cause is only the pool's "Connection is closed", without a
            // SQLState; the failure that made the transaction roll back says why.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 08 (connection exception); 57P01-57P03 (the server is shutting down or starting up). */
    private static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
