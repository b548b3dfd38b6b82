package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.it.Deployments;
import fr.relais.shared.Platform;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine inside the container, on MariaDB: one transaction for the domain and the process,
 * the schema under Flyway, models deployed once.
 */
@ExtendWith(ArquillianExtension.class)
class EngineIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.relais(EngineIT.class, FailingAfterWrite.class);
    }

    /** Opens a chat, then fails: nothing of it may remain, neither the row nor the process. */
    @Stateless
    public static class FailingAfterWrite {
        @EJB
        Intake intake;

        @PersistenceContext
        EntityManager em;

        public long openThenFail(String topic) {
            intake.open(Platform.GENERALIST, "VICTIM", topic, "Bonjour");
            throw new IllegalStateException("failure after the write");
        }

        public long count(String topic) {
            return em.createQuery("select count(c) from Chat c where c.topic = :t", Long.class)
                    .setParameter("t", topic)
                    .getSingleResult();
        }
    }

    @EJB
    FailingAfterWrite failing;

    @EJB
    Intake intake;

    @EJB
    ProcessEngineBootstrap bootstrap;

    @EJB
    Workflow workflow;

    @jakarta.annotation.Resource(lookup = Datasource.JNDI_NAME)
    DataSource dataSource;

    @Test
    void aFailureAfterADomainWriteRollsBackTheWriteAndTheProcess() {
        long processesBefore = processInstances();
        assertThatThrownBy(() -> failing.openThenFail("rollback-probe")).isInstanceOf(Exception.class);
        assertThat(failing.count("rollback-probe")).isZero();
        assertThat(processInstances()).isEqualTo(processesBefore);
    }

    private long processInstances() {
        return bootstrap
                .engine()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .count();
    }

    @Test
    void openingAChatStartsItsLifecycleInTheSameTransaction() {
        var opened = intake.open(Platform.VSS, "REPORT", "commit-probe", "Bonjour");
        Chat chat = opened.chat();
        assertThat(chat.processInstanceId()).isNotNull();
        assertThat(workflow.openSteps(chat.processInstanceId())).containsExactly(ProcessVariables.TASK_TAKE_CHAT);
        assertThat(failing.count("commit-probe")).isEqualTo(1);
    }

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersion() {
        var repository = bootstrap.engine().getRepositoryService();
        long before = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("ReportLifecycle")
                .count();
        bootstrap.deployModels();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("ReportLifecycle")
                        .count())
                .isEqualTo(before)
                .isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .allSatisfy(
                        d -> assertThat(d.getHistoryTimeToLive()).isNotNull().isPositive());
    }

    @Test
    void flywayOwnsTheWholeSchemaCamundasIncluded() throws Exception {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement()
                        .executeQuery(
                                "select version, description, success from flyway_schema_history order by installed_rank")) {
            List<String> applied = new java.util.ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getBoolean(3)).isTrue();
                applied.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(applied).startsWith("1 Camunda 7.23 schema", "2 Relais domain");
        }
        try (var c = dataSource.getConnection();
                var rs = c.createStatement()
                        .executeQuery("select version_ from ACT_GE_SCHEMA_LOG order by id_ desc limit 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("7.23");
        }
    }
}
