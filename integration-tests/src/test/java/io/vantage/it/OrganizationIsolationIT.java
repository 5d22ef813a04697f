package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.ClockProducer;
import io.vantage.ConflictException;
import io.vantage.InvalidInputException;
import io.vantage.MonitoringLog;
import io.vantage.ServiceLog;
import io.vantage.UnknownIdException;
import io.vantage.agents.AgentAdmissions;
import io.vantage.agents.AgentGateway;
import io.vantage.agents.AgentIdentity;
import io.vantage.agents.AgentRegistry;
import io.vantage.agents.RegisteredAgent;
import io.vantage.alerts.AlertDesk;
import io.vantage.alerts.AlertHistory;
import io.vantage.alerts.AppliedMonitors;
import io.vantage.alerts.rules.AlertRule;
import io.vantage.checks.NodeChecks;
import io.vantage.checks.remote.RemoteCheck;
import io.vantage.connector.api.AgentCredentials;
import io.vantage.events.EventRoute;
import io.vantage.infrastructure.cassandra.CassandraSampleRepository;
import io.vantage.infrastructure.jms.JmsEvents;
import io.vantage.infrastructure.jpa.JpaNodeRepository;
import io.vantage.inventory.InventoryIndexer;
import io.vantage.inventory.NodeCatalog;
import io.vantage.inventory.query.NodeQuery;
import io.vantage.maintenance.MaintenanceDefinition;
import io.vantage.maintenance.MaintenanceSchedule;
import io.vantage.maintenance.MaintenanceWindows;
import io.vantage.metrics.MetricQueries;
import io.vantage.monitors.CheckSettingsText;
import io.vantage.monitors.CheckTargets;
import io.vantage.monitors.MonitorCatalog;
import io.vantage.monitors.MonitorDefinition;
import io.vantage.monitors.MonitorRules;
import io.vantage.notifications.NotificationSetup;
import io.vantage.notifications.channels.WebhookChannel;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.checks.CheckState;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.inventory.OrganizationRepository;
import io.vantage.persistence.monitors.Direction;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.security.Role;
import io.vantage.persistence.security.User;
import io.vantage.persistence.security.UserRepository;
import io.vantage.security.ApiTokens;
import io.vantage.security.BootstrapAdmin;
import io.vantage.security.Caller;
import io.vantage.security.IssuedToken;
import io.vantage.security.PasswordHasher;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service that reads or changes an organization's data scopes it to the caller's organization: a user of
 * another organization finds none of it, by listing or by guessing ids, and can change none of it.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationIsolationIT {

    @Deployment
    static WebArchive servicesUnderTest() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "organization-isolation-test.war")
                .addPackages(false, Caller.class.getPackage(), AgentRegistry.class.getPackage(),
                        NodeCatalog.class.getPackage(), JpaNodeRepository.class.getPackage(),
                        CassandraSampleRepository.class.getPackage(), EventRoute.class.getPackage(),
                        JmsEvents.class.getPackage())
                .addPackages(true, NodeQuery.class.getPackage(), AlertRule.class.getPackage(),
                        RemoteCheck.class.getPackage())
                // the application's own start-up work and its connector binding stay with the application
                .deleteClasses(BootstrapAdmin.class, AgentGateway.class, InventoryIndexer.class)
                .addClasses(MetricQueries.class, NodeChecks.class, ServiceLog.class, MonitoringLog.class, ClockProducer.class,
                        MonitorRules.class, MonitorDefinition.class, CheckTargets.class, CheckSettingsText.class,
                        InvalidInputException.class, UnknownIdException.class, ConflictException.class,
                        MonitorCatalog.class, AppliedMonitors.class, NotificationSetup.class, AlertDesk.class,
                        AlertHistory.class,
                        MaintenanceWindows.class, MaintenanceSchedule.class, MaintenanceDefinition.class, Waits.class)
                .addPackages(false, WebhookChannel.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
        return ApplicationLibraries.addTo(war, ApplicationLibraries::withoutSearchIndex);
    }

    @Inject
    UserTransaction transaction;

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    AgentRegistry agents;

    @Inject
    AgentAdmissions admissions;

    @Inject
    NodeCatalog catalog;

    @Inject
    MetricQueries queries;

    @Inject
    ApiTokens tokens;

    @Inject
    NodeChecks checks;

    @Inject
    CheckResultRepository checkResults;

    @Test
    void another_organizations_nodes_agents_series_checks_and_tokens_are_invisible_and_untouchable() throws Exception {
        Caller owner = newOrganizationWithAdmin("owner");
        Caller stranger = newOrganizationWithAdmin("stranger");
        RegisteredAgent agent = agents.register(owner, "isolated-agent");
        AgentIdentity node = admissions.admit(new AgentCredentials(agent.agentId(), agent.key(),
                "isolated-" + UUID.randomUUID(), "test", "127.0.0.1"));
        IssuedToken ownersToken = tokens.issue(owner, "owner's token");

        assertTrue(catalog.find(owner, node.nodeId()).isPresent(), "the owner sees its node");

        assertTrue(catalog.list(stranger).stream().noneMatch(n -> n.id() == node.nodeId()));
        assertTrue(catalog.find(stranger, node.nodeId()).isEmpty());
        assertTrue(queries.metrics(stranger, node.nodeId()).isEmpty());
        Instant now = Instant.now();
        assertTrue(queries.samples(stranger, node.nodeId(), "cpu.user", now.minusSeconds(3600), now, 100).isEmpty());
        assertTrue(agents.list(stranger).stream().noneMatch(a -> a.getAgentId().equals(agent.agentId())));
        checkResults.append(owner.organizationId(), node.nodeId(), java.util.List.of(new CheckResult("disk",
                CheckState.CRITICAL, "DISK CRITICAL", now, 40)));
        assertEquals(1, checks.latest(owner, node.nodeId()).orElseThrow().size(), "the owner sees its check");
        assertTrue(checks.latest(stranger, node.nodeId()).isEmpty());
        assertTrue(checks.history(stranger, node.nodeId(), "disk", 10).isEmpty());

        assertTrue(tokens.revoke(stranger, ownersToken.id()).isEmpty(), "a stranger cannot revoke the owner's token");
        assertFalse(tokens.list(owner).stream().filter(t -> t.getId() == ownersToken.id()).findFirst()
                .orElseThrow().isRevoked());
    }

    @Inject
    MonitorCatalog monitors;

    @Inject
    NotificationSetup notifications;

    @Inject
    AlertDesk alerts;

    @Inject
    MaintenanceWindows windows;

    @Test
    void another_organizations_monitors_channels_plans_alerts_and_windows_are_invisible_and_untouchable()
            throws Exception {
        Caller owner = newOrganizationWithAdmin("owner");
        Caller stranger = newOrganizationWithAdmin("stranger");
        RegisteredAgent agent = agents.register(owner, "monitored-agent");
        admissions.admit(new AgentCredentials(agent.agentId(), agent.key(), "monitored-" + UUID.randomUUID(), "test",
                "127.0.0.1"));
        NotificationChannel channel = notifications.addChannel(owner, new NotificationSetup.ChannelDefinition("hook",
                NotificationChannel.Kind.WEBHOOK, "http://127.0.0.1:9/hook", null, true));
        NotificationPlan plan = notifications.addPlan(owner, new NotificationSetup.PlanDefinition("plan",
                Map.of(Severity.CRITICAL, Set.of(channel.getId()))));
        MonitorDefinition definition = new MonitorDefinition("everything", "*", "cpu.total",
                new MonitorDefinition.Rule(Direction.ABOVE, null, null, 90.0, null, null, null, null, null, null, null),
                null, plan.getId(), true);
        long monitorId = monitors.create(owner, definition).getId();
        long windowId = windows.plan(owner, new MaintenanceDefinition("upgrade", "*", Instant.now(),
                Instant.now().plusSeconds(3600), null, null, null)).getId();
        // the monitor applier (the application's) gives the owner's node an alert row
        long alertId = Waits.until(Duration.ofSeconds(30), () -> alerts.list(owner,
                        new AlertRepository.AlertFilter(null, monitorId, null, null, 10)).stream().findFirst()
                        .map(Alert::getId))
                .orElseThrow(() -> new AssertionError("the owner's monitor was never applied"));

        assertTrue(monitors.list(stranger).isEmpty());
        assertThrows(UnknownIdException.class, () -> monitors.get(stranger, monitorId));
        assertThrows(UnknownIdException.class, () -> monitors.update(stranger, monitorId, definition));
        assertThrows(UnknownIdException.class, () -> monitors.delete(stranger, monitorId));
        assertThrows(InvalidInputException.class, () -> monitors.create(stranger, definition),
                "a stranger cannot use the owner's notification plan");
        assertTrue(notifications.channels(stranger).isEmpty());
        assertThrows(UnknownIdException.class, () -> notifications.channel(stranger, channel.getId()));
        assertThrows(UnknownIdException.class, () -> notifications.changePlan(stranger, plan.getId(),
                new NotificationSetup.PlanDefinition("mine", Map.of(Severity.CRITICAL, Set.of()))));
        assertThrows(InvalidInputException.class, () -> notifications.addPlan(stranger,
                new NotificationSetup.PlanDefinition("steal", Map.of(Severity.CRITICAL, Set.of(channel.getId())))),
                "a stranger cannot route to the owner's channel");
        assertTrue(alerts.list(stranger, new AlertRepository.AlertFilter(null, null, null, null, 100)).isEmpty());
        assertThrows(UnknownIdException.class, () -> alerts.get(stranger, alertId));
        assertThrows(UnknownIdException.class, () -> alerts.acknowledge(stranger, alertId, "mine now"));
        assertTrue(windows.list(stranger).isEmpty());
        assertThrows(UnknownIdException.class, () -> windows.cancel(stranger, windowId));

        assertEquals(1, monitors.list(owner).size(), "the owner's monitor is untouched");
        assertEquals(1, windows.list(owner).size(), "the owner's window is untouched");
    }

    private Caller newOrganizationWithAdmin(String role) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        transaction.begin();
        try {
            Organization organization = organizations.add(new Organization(role + "-" + suffix, Instant.now()));
            User user = users.add(new User(organization, role + "-" + suffix, role, PasswordHasher.hash(suffix),
                    Role.ADMIN, Instant.now()));
            transaction.commit();
            return new Caller(user.getId(), organization.getId(), user.getUsername(), user.getRole());
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }
}
