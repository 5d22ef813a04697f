package io.vantage.schema;

import io.vantage.ServiceLog;
import io.vantage.persistence.schema.RelationalSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/** Migrates the relational schema when the application starts, before any service touches the database. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelationalSchemaMigrator {

    @Resource(lookup = "java:jboss/datasources/VantageDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = RelationalSchema.migrate(dataSource, RelationalSchema.class.getClassLoader());
        ServiceLog.schemaMigrated(result.migrationsExecuted, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
    }
}
