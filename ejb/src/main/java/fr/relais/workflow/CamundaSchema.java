package fr.relais.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates Camunda's tables from the scripts the engine jar ships, as Flyway migration 1, so one
 * history records the whole schema and the engine runs with {@code databaseSchemaUpdate=false}.
 *
 * <p>Upgrading Camunda: add a migration that runs the engine jar's
 * {@code org/camunda/bpm/engine/db/upgrade/mysql_engine_<old>_to_<new>.sql} (with {@link
 * #runScript}), in the same commit that changes the engine version. The engine refuses to start on
 * a schema of another version, so a forgotten upgrade fails at start, not later.
 */
public class CamundaSchema implements JavaMigration {
    static final String CAMUNDA_VERSION = "7.23";
    private static final String PREFIX = "org/camunda/bpm/engine/db/create/activiti.mysql.create.";
    private static final List<String> CREATE_SCRIPTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "Camunda " + CAMUNDA_VERSION + " schema";
    }

    @Override
    public Integer getChecksum() {
        return CREATE_SCRIPTS.hashCode();
    }

    /** DDL commits implicitly in MariaDB anyway. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        for (String script : CREATE_SCRIPTS) {
            runScript(context, PREFIX + script + ".sql");
        }
    }

    static void runScript(Context context, String resource) throws IOException, java.sql.SQLException {
        try (InputStream in = CamundaSchema.class.getClassLoader().getResourceAsStream(resource);
                Statement statement = context.getConnection().createStatement()) {
            if (in == null) {
                throw new IllegalStateException("missing Camunda script " + resource);
            }
            for (String sql : statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                statement.execute(sql);
            }
        }
    }

    /** Camunda's MySQL scripts are plain DDL/DML: line comments and statements ended by ';'. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
