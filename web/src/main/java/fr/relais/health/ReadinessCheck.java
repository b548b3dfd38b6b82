package fr.relais.health;

import fr.relais.workflow.Datasource;
import fr.relais.workflow.ProcessEngineBootstrap;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the process engine runs with its models deployed. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    @Resource(lookup = Datasource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    ProcessEngineBootstrap engine;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("relais");
        try (Connection connection = dataSource.getConnection()) {
            boolean database = connection.isValid(2);
            response.withData("database", database ? "UP" : "DOWN");
            boolean deployed = engine.engine()
                            .getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("ReportLifecycle")
                            .count()
                    > 0;
            response.withData("engine", deployed ? "UP" : "DOWN");
            return response.status(database && deployed).build();
        } catch (Exception e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
