package org.charterledger.endtoend;

import java.sql.SQLException;
import java.util.List;

/** Both services on a PostgreSQL database of their own; closing stops them and drops the database. */
final class RunningLedger implements AutoCloseable {

    final FreshDatabase database;
    final ServiceProcess commands;
    final ServiceProcess queries;

    private RunningLedger(FreshDatabase database, ServiceProcess commands, ServiceProcess queries) {
        this.database = database;
        this.commands = commands;
        this.queries = queries;
    }

    static RunningLedger start(List<String> commandArguments) throws SQLException {
        return start(commandArguments, List.of());
    }

    static RunningLedger start(List<String> commandArguments, List<String> queryArguments) throws SQLException {
        FreshDatabase database = new FreshDatabase();
        ServiceProcess commands = null;
        try {
            commands = ServiceProcess.start("commandService", database.commandEnvironment(), commandArguments);
            ServiceProcess queries = ServiceProcess.start("queryService", database.queryEnvironment(), queryArguments);
            return new RunningLedger(database, commands, queries);
        } catch (RuntimeException failedToStart) {
            if (commands != null) {
                commands.close();
            }
            database.close();
            throw failedToStart;
        }
    }

    @Override
    public void close() throws SQLException {
        queries.close();
        commands.close();
        database.close();
    }
}
