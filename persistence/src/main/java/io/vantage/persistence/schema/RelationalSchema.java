package io.vantage.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a relational database to the schema this release needs, with the Flyway migrations in
 * {@code db/migration}. The same scripts serve H2, PostgreSQL and MariaDB; the few types that differ are
 * Flyway placeholders chosen here from the database's product name.
 */
public final class RelationalSchema {

    private RelationalSchema() {
    }

    /** Applies every pending migration and returns what Flyway did. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholdersFor(productName(dataSource)))
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** The placeholder values for a database product, as {@code DatabaseMetaData.getDatabaseProductName()} names it. */
    static Map<String, String> placeholdersFor(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        // the types Hibernate maps an Instant to; MariaDB's TIMESTAMP would end in 2038, its DATETIME(6) holds UTC
        boolean mysqlFamily = product.contains("mariadb") || product.contains("mysql");
        return Map.of("timestamp", mysqlFamily ? "DATETIME(6)" : "TIMESTAMP(6) WITH TIME ZONE");
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
