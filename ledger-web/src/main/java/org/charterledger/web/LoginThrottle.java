package org.charterledger.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Failed logins, counted per user and per client address over a sliding window: once either has failed its limit
 * within the window, every attempt with that user name or from that address is refused (429 with Retry-After,
 * {@link LoginThrottleFilter}), whatever the password, until its oldest failure leaves the window. Guessing a
 * password then takes years instead of hours. A correct password clears the user's count, not the address's.
 * Only configured users are counted per user (a name that is no user can never log in; the address limit covers
 * it), so what is kept stays bounded.
 */
public class LoginThrottle {

    /** Addresses kept at most; past that, an address not yet counted is not counted (its user's limit still holds). */
    private static final int MAX_ADDRESSES = 10_000;

    private final int failuresPerUser;
    private final int failuresPerAddress;
    private final long windowNanos;
    private final Set<String> users;
    private final Map<String, Deque<Long>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> byAddress = new ConcurrentHashMap<>();

    /** The limits ({@code ledger.security.login-throttle.*}): failures allowed per user and per address in the window. */
    @ConfigurationProperties("ledger.security.login-throttle")
    @Validated
    public record Settings(@DefaultValue("5") @Positive int failuresPerUser,
                           @DefaultValue("20") @Positive int failuresPerAddress,
                           @DefaultValue("1m") @NotNull Duration window) {
    }

    public LoginThrottle(ConfiguredUsers configured, Settings settings) {
        this.users = configured.users().stream().map(ConfiguredUsers.User::name)
                .collect(Collectors.toUnmodifiableSet());
        this.failuresPerUser = settings.failuresPerUser();
        this.failuresPerAddress = settings.failuresPerAddress();
        this.windowNanos = settings.window().toNanos();
    }

    /** How long a login as {@code user} from {@code address} must wait, if it is refused now. */
    public Optional<Duration> refusal(String user, String address) {
        long now = System.nanoTime();
        long wait = Math.max(
                user == null ? 0 : waitNanos(byUser.get(user), failuresPerUser, now),
                waitNanos(byAddress.get(address), failuresPerAddress, now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        long now = System.nanoTime();
        String user = event.getAuthentication().getName();
        if (users.contains(user)) {
            record(byUser.computeIfAbsent(user, u -> new ArrayDeque<>()), now);
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            String address = details.getRemoteAddress();
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.values().removeIf(failures -> waitNanos(failures, 1, now) == 0);
            }
            Deque<Long> failures = byAddress.size() < MAX_ADDRESSES
                    ? byAddress.computeIfAbsent(address, a -> new ArrayDeque<>()) : byAddress.get(address);
            if (failures != null) {
                record(failures, now);
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        byUser.remove(event.getAuthentication().getName());
    }

    private void record(Deque<Long> failures, long now) {
        synchronized (failures) {
            expire(failures, now);
            failures.addLast(now);
        }
    }

    /** Nanoseconds until fewer than {@code limit} failures remain in the window; 0 when there are fewer already. */
    private long waitNanos(Deque<Long> failures, int limit, long now) {
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            expire(failures, now);
            if (failures.size() < limit) {
                return 0;
            }
            long freedAt = failures.stream().skip(failures.size() - limit).findFirst().orElseThrow() + windowNanos;
            return Math.max(1, freedAt - now);
        }
    }

    private void expire(Deque<Long> failures, long now) {
        while (!failures.isEmpty() && now - failures.peekFirst() >= windowNanos) {
            failures.removeFirst();
        }
    }
}
