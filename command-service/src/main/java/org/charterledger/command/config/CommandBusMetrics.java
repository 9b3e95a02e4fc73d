package org.charterledger.command.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * Axon's command bus counts and times each command by its payload type ({@code commandBus_*} in Prometheus), as its
 * own metrics module would, but without that module's capacity gauges: Axon registers each of them again for every
 * message it monitors, and Micrometer warns of the duplicate (once, then quietly for every command and event). The
 * module is off (axon.metrics.auto-configuration.enabled); what a command costs from its request to its answer is
 * {@code ledger.commands} (IdempotentCommands), by type and outcome, with a histogram.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusMetrics {

    private static final String NAME = "commandBus";

    @Bean
    ConfigurerModule commandBusMonitors(MeterRegistry meters) {
        Function<Message<?>, Iterable<Tag>> byPayloadType =
                message -> Tags.of("payloadType", message.getPayloadType().getSimpleName());
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, (configuration, type, name) ->
                new MultiMessageMonitor<Message<?>>(
                        MessageCountingMonitor.buildMonitor(NAME, meters, byPayloadType),
                        MessageTimerMonitor.buildMonitor(NAME, meters, byPayloadType)));
    }
}
