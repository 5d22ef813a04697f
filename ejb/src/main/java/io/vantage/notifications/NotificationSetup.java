package io.vantage.notifications;

import io.vantage.ConflictException;
import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.notifications.channels.MailChannel;
import io.vantage.notifications.channels.WebhookChannel;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.notifications.NotificationRepository;
import io.vantage.persistence.notifications.PlanRoute;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The caller's notification channels and plans: defined, changed, checked before anything is stored. */
@Stateless
public class NotificationSetup {

    @Inject
    NotificationRepository notifications;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Clock clock;

    /** A channel as people write it; {@code target} is comma-separated addresses or a URL. */
    public record ChannelDefinition(String name, NotificationChannel.Kind kind, String target, String secret,
                                    Boolean enabled) {
    }

    /** A plan as people write it: for each severity, the channels that hear of it. */
    public record PlanDefinition(String name, Map<Severity, Set<Long>> routes) {
    }

    public List<NotificationChannel> channels(Caller caller) {
        return notifications.channels(caller.organizationId());
    }

    public NotificationChannel channel(Caller caller, long channelId) {
        return notifications.channel(caller.organizationId(), channelId)
                .orElseThrow(() -> new UnknownIdException("channel", channelId));
    }

    public NotificationChannel addChannel(Caller caller, ChannelDefinition definition) {
        String target = validate(definition);
        if (notifications.channels(caller.organizationId()).stream().anyMatch(c -> c.getName().equals(definition.name()))) {
            throw new ConflictException("a channel named '" + definition.name() + "' exists already");
        }
        NotificationChannel channel = new NotificationChannel(organization(caller), definition.name(),
                definition.kind(), target, blankToNull(definition.secret()), clock.instant());
        if (Boolean.FALSE.equals(definition.enabled())) {
            channel.change(channel.getName(), target, channel.getSecret(), false);
        }
        return notifications.add(channel);
    }

    public NotificationChannel changeChannel(Caller caller, long channelId, ChannelDefinition definition) {
        NotificationChannel channel = channel(caller, channelId);
        if (definition.kind() != null && definition.kind() != channel.getKind()) {
            throw new InvalidInputException("a channel's kind cannot change; create a new channel");
        }
        String target = validate(new ChannelDefinition(definition.name(), channel.getKind(), definition.target(),
                definition.secret(), definition.enabled()));
        channel.change(definition.name(), target, blankToNull(definition.secret()),
                definition.enabled() == null || definition.enabled());
        return channel;
    }

    public List<NotificationPlan> plans(Caller caller) {
        return notifications.plans(caller.organizationId());
    }

    public NotificationPlan plan(Caller caller, long planId) {
        return notifications.plan(caller.organizationId(), planId)
                .orElseThrow(() -> new UnknownIdException("plan", planId));
    }

    public NotificationPlan addPlan(Caller caller, PlanDefinition definition) {
        List<PlanRoute> routes = routes(caller, definition);
        if (notifications.plans(caller.organizationId()).stream().anyMatch(p -> p.getName().equals(definition.name()))) {
            throw new ConflictException("a plan named '" + definition.name() + "' exists already");
        }
        NotificationPlan plan = new NotificationPlan(organization(caller), definition.name(), clock.instant());
        plan.change(definition.name(), routes);
        return notifications.add(plan);
    }

    public NotificationPlan changePlan(Caller caller, long planId, PlanDefinition definition) {
        NotificationPlan plan = plan(caller, planId);
        plan.change(definition.name(), routes(caller, definition));
        return plan;
    }

    private List<PlanRoute> routes(Caller caller, PlanDefinition definition) {
        requireName(definition.name());
        if (definition.routes() == null || definition.routes().isEmpty()) {
            throw new InvalidInputException("a plan needs routes, such as {\"CRITICAL\": [channel ids]}");
        }
        Set<Long> known = notifications.channels(caller.organizationId()).stream()
                .map(NotificationChannel::getId).collect(Collectors.toSet());
        return definition.routes().entrySet().stream().flatMap(route -> {
            if (route.getKey() == null || !route.getKey().isProblem()) {
                throw new InvalidInputException("routes are for WARNING and CRITICAL; resolutions follow the problem");
            }
            return route.getValue().stream().map(channelId -> {
                if (!known.contains(channelId)) {
                    throw new InvalidInputException("no channel " + channelId);
                }
                return new PlanRoute(route.getKey(), channelId);
            });
        }).toList();
    }

    private static String validate(ChannelDefinition definition) {
        requireName(definition.name());
        if (definition.kind() == null) {
            throw new InvalidInputException("kind is required: EMAIL or WEBHOOK");
        }
        if (definition.target() == null || definition.target().isBlank()) {
            throw new InvalidInputException("target is required: mail addresses or a webhook URL");
        }
        if (definition.secret() != null && definition.secret().length() > 200) {
            throw new InvalidInputException("secret is at most 200 characters");
        }
        try {
            if (definition.kind() == NotificationChannel.Kind.EMAIL) {
                List<String> addresses = Arrays.stream(definition.target().split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                addresses.forEach(MailChannel::validateAddress);
                String target = String.join(",", addresses);
                if (addresses.isEmpty() || target.length() > 2000) {
                    throw new InvalidInputException("an email channel needs 1 or more addresses (2000 characters in all)");
                }
                return target;
            }
            String url = definition.target().strip();
            WebhookChannel.validateUrl(url);
            if (url.length() > 2000) {
                throw new InvalidInputException("a webhook URL is at most 2000 characters");
            }
            return url;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name must be 1-100 characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Organization organization(Caller caller) {
        return organizations.find(caller.organizationId())
                .orElseThrow(() -> new IllegalStateException("caller has no organization"));
    }
}
