package io.vantage.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.persistence.agents.Agent;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.Organization;
import io.vantage.persistence.schema.RelationalSchema;
import io.vantage.persistence.security.ApiToken;
import io.vantage.persistence.security.Role;
import io.vantage.persistence.security.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations build a schema that the entities map onto exactly, on every supported database, and that
 * keeps instants past 2038 to the microsecond.
 */
class MigrationsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migrations_apply_to_an_empty_database_and_match_the_entities(TestDatabase database) {
        try (TestDatabase.Fresh fresh = database.fresh()) {
            MigrateResult result = RelationalSchema.migrate(fresh.dataSource(), getClass().getClassLoader());
            assertTrue(result.success);
            assertTrue(result.migrationsExecuted >= 1);

            MigrateResult again = RelationalSchema.migrate(fresh.dataSource(), getClass().getClassLoader());
            assertEquals(0, again.migrationsExecuted, "a second run finds nothing to do");

            try (SessionFactory sessions = validatingSessionFactory(fresh)) {
                Instant farFuture = Instant.parse("2099-12-31T23:59:59.123456Z");
                Long agentKey = sessions.fromTransaction(session -> {
                    Organization org = new Organization("acme", farFuture);
                    session.persist(org);
                    User user = new User(org, "ops", "Ops", "hash", Role.ADMIN, farFuture);
                    session.persist(user);
                    session.persist(new ApiToken(user, "ci", "vt_abcd", "0".repeat(64), farFuture));
                    Node node = new Node(org, "web-01", farFuture);
                    session.persist(node);
                    Agent agent = new Agent(org, "agent-1", "web-01", "1".repeat(64), farFuture);
                    agent.reportsFor(node);
                    session.persist(agent);
                    return agent.getId();
                });
                Agent read = sessions.fromTransaction(session -> session.find(Agent.class, agentKey));
                assertEquals(farFuture.truncatedTo(ChronoUnit.MICROS), read.getCreatedAt());
            }
        }
    }

    private static SessionFactory validatingSessionFactory(TestDatabase.Fresh fresh) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Organization.class)
                .addAnnotatedClass(Node.class)
                .addAnnotatedClass(User.class)
                .addAnnotatedClass(ApiToken.class)
                .addAnnotatedClass(Agent.class)
                .addAnnotatedClass(io.vantage.persistence.monitors.Monitor.class)
                .addAnnotatedClass(io.vantage.persistence.monitors.MonitorTarget.class)
                .addAnnotatedClass(io.vantage.persistence.alerts.Alert.class)
                .addAnnotatedClass(io.vantage.persistence.alerts.AlertEvent.class)
                .addAnnotatedClass(io.vantage.persistence.notifications.NotificationChannel.class)
                .addAnnotatedClass(io.vantage.persistence.notifications.NotificationPlan.class)
                .addAnnotatedClass(io.vantage.persistence.notifications.Notification.class)
                .addAnnotatedClass(io.vantage.persistence.maintenance.MaintenanceWindow.class)
                // the schema is what is checked here; the search index belongs to the server
                .setProperty("hibernate.search.enabled", "false")
                .setProperty("hibernate.connection.url", fresh.url())
                .setProperty("hibernate.connection.username", fresh.user())
                .setProperty("hibernate.connection.password", fresh.password())
                .setProperty("hibernate.hbm2ddl.auto", "validate")
                .setProperty("hibernate.jdbc.time_zone", "UTC");
        return configuration.buildSessionFactory();
    }
}
