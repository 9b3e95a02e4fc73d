package org.charterledger.command.submission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.command.Rejection;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every record is a stream named by its id, and ids of different kinds share one namespace: a meeting or a motion
 * may be named like a party ({@code JP-MIYAGI}), another motion's meeting, or a stream the ledger keeps for itself
 * ({@code CHAIR}, {@code SC-3}). A command may only create or change a stream of its own kind, else Axon would fold
 * one record's events into another kind of record. Checked in the command's transaction, after its key is claimed,
 * so a concurrent creation of the same id is seen on the retry.
 */
@Component
public class StreamOwners {

    /** The kind of record (Axon's aggregate type) a command is handled by, and whether it may create one. */
    record Handler(String type, boolean creates) {
    }

    private final JdbcClient jdbc;
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<Class<?>, Handler> handlers = new HashMap<>();
    /** The streams the ledger names itself ({@link ReservedStreams}), and the kind of record each holds. */
    private final Map<Pattern, String> reserved = new LinkedHashMap<>();

    StreamOwners(JdbcClient jdbc, ApplicationContext context) {
        this.jdbc = jdbc;
        for (String bean : context.getBeanNamesForAnnotation(Aggregate.class)) {
            Class<?> aggregate = context.getType(bean);
            Aggregate annotation = AnnotatedElementUtils.findMergedAnnotation(aggregate, Aggregate.class);
            String type = annotation == null || annotation.type().isEmpty() ? aggregate.getSimpleName()
                    : annotation.type();
            ReservedStreams streams = AnnotatedElementUtils.findMergedAnnotation(aggregate, ReservedStreams.class);
            if (streams != null) {
                reserved.put(Pattern.compile(streams.value()), type);
            }
            for (Executable handler : handlersOf(aggregate)) {
                if (handler.isAnnotationPresent(CommandHandler.class) && handler.getParameterCount() > 0) {
                    handlers.put(handler.getParameterTypes()[0], new Handler(type,
                            handler instanceof Constructor<?> || handler.isAnnotationPresent(CreationPolicy.class)));
                }
            }
        }
    }

    private static Executable[] handlersOf(Class<?> aggregate) {
        Executable[] methods = aggregate.getDeclaredMethods();
        Executable[] constructors = aggregate.getDeclaredConstructors();
        Executable[] all = new Executable[methods.length + constructors.length];
        System.arraycopy(methods, 0, all, 0, methods.length);
        System.arraycopy(constructors, 0, all, methods.length, constructors.length);
        return all;
    }

    /**
     * Refuses a command whose stream holds, or is kept for, another kind of record: 409 when the command would
     * create its record under that id, 404 when it addresses a record that does not exist.
     */
    void check(String stream, Object command) {
        Handler handler = handlers.get(command.getClass());
        if (handler == null) {
            return;
        }
        String owner = reservedOwner(stream);
        if (owner == null) {
            owner = storedOwner(stream);
        }
        if (owner == null || owner.equals(handler.type())) {
            return;
        }
        if (handler.creates()) {
            throw new IdTaken(stream);
        }
        throw new UnknownRecord("id", stream);
    }

    /**
     * The type of the stream's first stored event. A stream's owner never changes once its first event is stored, and
     * a stored event is never removed, so an owner once found is kept (only committed rows are seen here: this runs
     * before the command appends).
     */
    private String storedOwner(String stream) {
        String known = owners.get(stream);
        if (known != null) {
            return known;
        }
        String owner = jdbc.sql("SELECT type FROM ledger.domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number LIMIT 1")
                .param(stream).query(String.class).optional().orElse(null);
        if (owner != null) {
            owners.put(stream, owner);
        }
        return owner;
    }

    private String reservedOwner(String stream) {
        return reserved.entrySet().stream().filter(kept -> kept.getKey().matcher(stream).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The id names another record of the ledger. */
    static class IdTaken extends Rejection {

        IdTaken(String id) {
            super(Reason.CONFLICT, "id-taken", "id", "unique-id", null,
                    id + " already names another record of the ledger; choose another id");
        }
    }
}
