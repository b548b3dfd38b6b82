package fr.relais.workflow;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import java.sql.Connection;

/**
 * The one datasource: the domain tables and the engine's share it, so a domain write and the
 * process state it causes commit or roll back together (one JTA transaction). Connection settings
 * come from MicroProfile Config ({@code RELAIS_DB_URL}, {@code RELAIS_DB_USER}, {@code
 * RELAIS_DB_PASSWORD}). The driver class (not the XA data source) keeps schema DDL possible; Payara
 * Micro must be given the driver jar with {@code --addlibs}.
 */
@DataSourceDefinition(
        name = Datasource.JNDI_NAME,
        className = "org.mariadb.jdbc.Driver",
        url = "${MPCONFIG=RELAIS_DB_URL}",
        user = "${MPCONFIG=RELAIS_DB_USER}",
        password = "${MPCONFIG=RELAIS_DB_PASSWORD}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 64,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true",
            // validating on every checkout cost two round trips each time (SET autocommit twice):
            // the first wait of the database in the profile. At most once a minute per connection
            // still finds connections a restarted database dropped.
            "fish.payara.validate-atmost-once-period-in-seconds=60",
            // the isolation level is set when a connection is made; nothing changes it afterwards
            "fish.payara.is-isolation-level-guaranteed=false"
        })
@Singleton
public class Datasource {
    public static final String JNDI_NAME = "java:app/jdbc/relais";
}
