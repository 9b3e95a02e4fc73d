package org.charterledger.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.charterledger.query.config.ViewJdbc;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every view of the query service on an in-memory database, for fast tests: H2 in PostgreSQL mode, as the embedded
 * default runs, migrated by the same Flyway migrations, with every projection ({@link ProcessingGroup}) fed each
 * event as its processor would, at the next ledger position. A test feeds events and asks the query, with no
 * PostgreSQL and no Spring context; the integration tests run the same views on PostgreSQL.
 */
public final class Views implements AutoCloseable {

    private final SingleConnectionDataSource database;
    private final JdbcClient jdbc;
    private final ViewJdbc viewJdbc;
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private long position;

    private Views() {
        database = new SingleConnectionDataSource("jdbc:h2:mem:views-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        Flyway.configure().dataSource(database).schemas("projection").defaultSchema("projection")
                .locations("classpath:db/projection").load().migrate();
        jdbc = JdbcClient.create(database);
        viewJdbc = new ViewJdbc(jdbc, new JdbcTemplate(database));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        for (BeanDefinition projection : scanner.findCandidateComponents("org.charterledger.query")) {
            projections.add(new AnnotationEventHandlerAdapter(instantiate(projection.getBeanClassName())));
        }
        if (projections.isEmpty()) {
            throw new IllegalStateException("no projection found to feed");
        }
    }

    /** Fresh, empty views. */
    public static Views empty() {
        return new Views();
    }

    /**
     * Appends each event at the next position and hands it to every projection that handles it, all in one unit of
     * work, as a processor handles a batch: the views' writes are sent when it commits.
     */
    public Views given(Object... events) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            for (Object event : events) {
                TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
                        new GlobalSequenceTrackingToken(++position), GenericEventMessage.asEventMessage(event));
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(message)) {
                        projection.handle(message);
                    }
                }
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException("a projection failed on the events given", e);
        }
        batch.commit();
        return this;
    }

    /** Empties every view as a rebuild does, through each projection's reset handler. */
    public void reset() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        position = 0;
    }

    /** The position of the last event fed. */
    public long position() {
        return position;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** A JSON mapper configured as Spring Boot configures the service's. */
    public ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        jdbc.sql("SHUTDOWN").update();
        database.destroy();
    }

    private Object instantiate(String className) {
        try {
            Constructor<?>[] constructors = Class.forName(className).getDeclaredConstructors();
            if (constructors.length != 1) {
                throw new IllegalStateException(className + " should have one constructor");
            }
            Constructor<?> constructor = constructors[0];
            constructor.setAccessible(true);
            Object[] arguments = new Object[constructor.getParameterCount()];
            Class<?>[] types = constructor.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i] == ViewJdbc.class) {
                    arguments[i] = viewJdbc;
                } else if (types[i] == JdbcClient.class) {
                    arguments[i] = jdbc;
                } else if (types[i] == ObjectMapper.class) {
                    arguments[i] = json;
                } else {
                    throw new IllegalStateException(className + " needs a " + types[i].getSimpleName()
                            + ", which the fast views do not provide yet");
                }
            }
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className, e);
        }
    }
}
