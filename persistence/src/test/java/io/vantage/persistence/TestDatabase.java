package io.vantage.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases Vantage supports, each handing out a fresh, empty database per test. PostgreSQL and MariaDB are
 * the machine's own servers on 127.0.0.1 (as in CI); when one is down the test is skipped on a developer's
 * machine and fails in CI ({@code CI} set), so CI can never pass without having tested all three.
 */
enum TestDatabase {
    H2("jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", null, "sa", ""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/%s", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/%s", "jdbc:mariadb://127.0.0.1:3306/test", "root", "");

    private final String urlPattern;
    private final String adminUrl;
    private final String user;
    private final String password;

    TestDatabase(String urlPattern, String adminUrl, String user, String password) {
        this.urlPattern = urlPattern;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** Creates an empty database; closing the handle drops it. */
    Fresh fresh() {
        String name = "vantage_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (adminUrl != null) {
            execute(adminUrl, "CREATE DATABASE " + name);
        }
        return new Fresh(this, name);
    }

    private void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String reason = this + " at " + url + " is not reachable: " + e.getMessage();
            if (System.getenv("CI") != null) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason + " (skipped outside CI)");
        }
    }

    /** One fresh database. */
    record Fresh(TestDatabase database, String name) implements AutoCloseable {

        String url() {
            return String.format(database.urlPattern, name);
        }

        String user() {
            return database.user;
        }

        String password() {
            return database.password;
        }

        DataSource dataSource() {
            return new DriverManagerDataSource(url(), user(), password());
        }

        @Override
        public void close() {
            if (database.adminUrl != null) {
                database.execute(database.adminUrl, "DROP DATABASE " + name);
            }
        }
    }

    /** The smallest DataSource: a new connection per call, enough for migrations. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username, pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // connections come from DriverManager, which has its own log writer
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
