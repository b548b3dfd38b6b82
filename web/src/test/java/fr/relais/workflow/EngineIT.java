package fr.relais.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.intake.boundary.Intake;
import fr.relais.intake.entity.Chat;
import fr.relais.it.Api;
import fr.relais.it.Deployments;
import fr.relais.it.Scenario;
import fr.relais.shared.Platform;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application in the Arquillian container on MariaDB. Inside: one transaction for the domain
 * and the process, the schema under Flyway, models deployed once. From the client: roles and scopes
 * on every call, and concurrent takes of one chat.
 */
@ExtendWith(ArquillianExtension.class)
class EngineIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.relais(
                EngineIT.class,
                FailingAfterWrite.class,
                ConnectionProbe.class,
                HandoffRollupTrigger.class,
                fr.relais.it.HandoffRows.class,
                JobProbe.class,
                Scenario.class,
                Api.class,
                Api.Reply.class);
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

    /** What a connection says of itself: MariaDB's id for it, autocommit, and the JTA transaction of the thread. */
    public record Seen(long connectionId, long autocommit, int jtaStatus) implements java.io.Serializable {
        static Seen of(java.sql.Connection c) {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("select connection_id(), @@autocommit")) {
                rs.next();
                return new Seen(rs.getLong(1), rs.getLong(2), currentJtaStatus());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static int currentJtaStatus() {
            try {
                return javax.naming.InitialContext.<jakarta.transaction.TransactionManager>doLookup(
                                "java:appserver/TransactionManager")
                        .getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The engine's own connection in the current command (MyBatis'), as the engine sees it. */
    static Seen engineConnection() {
        return Seen.of(org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                .getDbSqlSession()
                .getSqlSession()
                .getConnection());
    }

    /** A request's transaction: EclipseLink's connection and the engine's, after a domain write and a process start. */
    @Stateless
    public static class ConnectionProbe {
        @EJB
        Intake intake;

        @EJB
        ProcessEngineBootstrap bootstrap;

        @PersistenceContext
        EntityManager em;

        public List<Seen> openAndLook(String topic) {
            intake.open(Platform.GENERALIST, "VICTIM", topic, "Bonjour");
            em.flush();
            Object[] row = (Object[])
                    em.createNativeQuery("select connection_id(), @@autocommit").getSingleResult();
            Seen domain =
                    new Seen(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Seen.currentJtaStatus());
            Seen engine = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                            bootstrap.engine().getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired()
                    .execute(context -> engineConnection());
            return List.of(domain, engine);
        }
    }

    /** Runs as an async (job) service task: what the job executor's thread and connections are. */
    @jakarta.inject.Named("atomicJobProbe")
    @jakarta.enterprise.context.ApplicationScoped
    public static class JobProbe {
        static final java.util.Map<String, List<Seen>> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

        @jakarta.annotation.Resource(lookup = Datasource.JNDI_NAME)
        DataSource dataSource;

        public void look(org.camunda.bpm.engine.delegate.DelegateExecution execution) throws java.sql.SQLException {
            Seen engine = engineConnection();
            Seen container;
            try (var c = dataSource.getConnection()) {
                container = Seen.of(c);
            }
            SEEN.put(execution.getBusinessKey(), List.of(engine, container));
        }

        /** A domain write through the datasource, then a failure: the job's transaction must take it back. */
        public void writeThenFail(org.camunda.bpm.engine.delegate.DelegateExecution execution)
                throws java.sql.SQLException {
            try (var c = dataSource.getConnection();
                    var st = c.prepareStatement(
                            "insert into audit_chain_head (chain_key, seq, hash) values (?, 0, 'probe')")) {
                st.setString(1, execution.getBusinessKey());
                st.executeUpdate();
            }
            throw new PermanentFailure("failure after a domain write in a job");
        }
    }

    @EJB
    FailingAfterWrite failing;

    @EJB
    ConnectionProbe connectionProbe;

    @EJB
    Intake intake;

    @EJB
    ProcessEngineBootstrap bootstrap;

    @EJB
    Workflow workflow;

    @jakarta.annotation.Resource(lookup = Datasource.JNDI_NAME)
    DataSource dataSource;

    @Test
    void aTasksSubtasksAreFoundThroughAnIndexNotAScanOfEveryOpenTask() throws Exception {
        // the statement Camunda runs when a task ends (Task.xml, selectTasksByParentTaskId)
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?")) {
            st.setString(1, "no-such-task");
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("key")).isEqualTo("RELAIS_IDX_TASK_PARENT");
            }
        }
    }

    @Test
    void theEngineWritesThroughTheEntityManagerThatChecksIdsCheaply() {
        var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                bootstrap.engine().getProcessEngineConfiguration();
        String manager = config.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().getClass().getSimpleName());
        assertThat(manager).isEqualTo("IdCheckedEntityManager");
    }

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

    @Test
    void aRequestsDomainWritesAndTheEnginesShareOneConnectionInOneTransaction() {
        List<Seen> seen = connectionProbe.openAndLook("connection-probe");
        Seen domain = seen.get(0);
        Seen engine = seen.get(1);
        assertThat(domain.jtaStatus()).isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        assertThat(domain.autocommit())
                .as("EclipseLink's connection inside the JTA transaction")
                .isZero();
        assertThat(engine.autocommit())
                .as("the engine's connection inside the JTA transaction")
                .isZero();
        assertThat(engine.connectionId())
                .as("one physical connection for the domain and the engine")
                .isEqualTo(domain.connectionId());
    }

    @Test
    void aJobRunsInOneJtaTransactionOnOneConnection() throws Exception {
        var engine = bootstrap.engine();
        engine.getRepositoryService()
                .createDeployment()
                .name("atomic-probe")
                .addModelInstance(
                        "AtomicProbe.bpmn",
                        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("AtomicProbe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("Task_Look")
                                .camundaAsyncBefore()
                                .camundaExpression("${atomicJobProbe.look(execution)}")
                                .endEvent()
                                .done())
                .enableDuplicateFiltering(false)
                .deploy();
        String key = "atomic-" + java.util.UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey("AtomicProbe", key);
        // the job executor runs the job on its own threads; waits for it, however long it takes
        while (!JobProbe.SEEN.containsKey(key)) {
            Thread.sleep(100);
        }
        Seen inEngine = JobProbe.SEEN.get(key).get(0);
        Seen inContainer = JobProbe.SEEN.get(key).get(1);
        assertThat(inEngine.jtaStatus())
                .as("the job runs inside a JTA transaction")
                .isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        assertThat(inEngine.autocommit())
                .as("the engine's connection in a job: no statement commits alone")
                .isZero();
        assertThat(inContainer.autocommit())
                .as("a delegate's connection in a job")
                .isZero();
        assertThat(inContainer.connectionId())
                .as("a delegate's domain writes go through the job's connection")
                .isEqualTo(inEngine.connectionId());
    }

    @Test
    void aJobFailingAfterADomainWriteLeavesNothingOfIt() throws Exception {
        var engine = bootstrap.engine();
        engine.getRepositoryService()
                .createDeployment()
                .name("atomic-probe-failing")
                .addModelInstance(
                        "AtomicProbeFailing.bpmn",
                        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("AtomicProbeFailing")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("Task_WriteThenFail")
                                .camundaAsyncBefore()
                                .camundaExpression("${atomicJobProbe.writeThenFail(execution)}")
                                .endEvent()
                                .done())
                .enableDuplicateFiltering(false)
                .deploy();
        String key = "atomic-fail-" + java.util.UUID.randomUUID();
        String process = engine.getRuntimeService()
                .startProcessInstanceByKey("AtomicProbeFailing", key)
                .getId();
        var jobs = engine.getManagementService().createJobQuery().processInstanceId(process);
        // a permanent failure takes the job's retries to zero (IncidentAtOnce); waits for it, however long
        while (jobs.noRetriesLeft().count() == 0) {
            Thread.sleep(100);
        }
        assertThat(jobs.singleResult().getExceptionMessage()).contains("failure after a domain write in a job");
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("select count(*) from audit_chain_head where chain_key = ?")) {
            st.setString(1, key);
            try (var rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("the job's domain write rolled back with the job")
                        .isZero();
            }
        }
    }

    // Client-side: the same deployment over HTTP, as the demo accounts.

    @ArquillianResource
    URL base;

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Scenario scenario() {
        return new Scenario(baseUrl());
    }

    /**
     * The handoffs' figures are the same before and after the roll-up of the settled handoffs into daily aggregates
     * (V53), and after a handoff decided later is rolled up into the same day's row.
     */
    @Test
    @RunAsClient
    void theHandoffFiguresAreTheSameFromTheRowsAndFromTheDailyAggregates() throws Exception {
        String unit =
                "IT-ROLLUP-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        java.time.Instant day = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .minusDays(3)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        var db = fr.relais.it.TestEnvironment.arquillianDatabase();
        try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (var insert = c.prepareStatement("insert into unit (code, name, kind, department, commune)"
                    + " values (?, 'Unité roll-up', 'POLICE_STATION', '2B', 'Bastia')")) {
                insert.setString(1, unit);
                insert.executeUpdate();
            }
            java.time.Instant due = day.plusSeconds(5 * 3600);
            // target at 05:00: acknowledged after 10 min, 1 h, 2 h, 5 h (at 07:03, late); one acknowledged, undecided
            fr.relais.it.HandoffRows.handoff(
                    c, unit, day.plusSeconds(3600), day.plusSeconds(3600 + 600), "ACCEPTED", due);
            fr.relais.it.HandoffRows.handoff(
                    c, unit, day.plusSeconds(7200), day.plusSeconds(7200 + 3600), "ACCEPTED", due);
            fr.relais.it.HandoffRows.handoff(
                    c, unit, day.plusSeconds(7300), day.plusSeconds(7300 + 7200), "DECLINED", due);
            fr.relais.it.HandoffRows.handoff(
                    c, unit, day.plusSeconds(7400), day.plusSeconds(7400 + 18_000), "ACCEPTED", due);
            long undecided = fr.relais.it.HandoffRows.handoff(
                    c, unit, day.plusSeconds(9000), day.plusSeconds(9000 + 1800), null, due);
            // a partial first day: from 12:00 two days before, to now (the whole days between come from the aggregates)
            String query = "/supervision/handoffs?department=2B&from=" + day.minusSeconds(12 * 3600) + "&to="
                    + java.time.Instant.now();
            JsonObject before = unitFigures(query, unit);
            assertThat(before.getInt("sent")).isEqualTo(5);
            assertThat(before.getInt("acknowledged")).isEqualTo(5);
            assertThat(before.getInt("takenOver")).isEqualTo(3);
            assertThat(before.getInt("declined")).isEqualTo(1);
            assertThat(before.getInt("backlog")).isEqualTo(1);
            assertThat(before.getInt("breaches")).isEqualTo(1);
            // delays 600, 1800, 3600, 7200, 18000 s: nearest rank, median the 3rd, 90th percentile the 5th
            assertThat(before.getJsonNumber("acknowledgementMedianSeconds").longValue())
                    .isEqualTo(3600);
            assertThat(before.getJsonNumber("acknowledgementP90Seconds").longValue())
                    .isEqualTo(18_000);

            rollUp();
            assertThat(rolledUp(c, unit))
                    .as("the four decided rolled up, the undecided not")
                    .isEqualTo(4);
            assertThat(unitFigures(query, unit)).isEqualTo(before);

            // decided later: counted from its row, then rolled up into the same day's aggregate
            try (var decide = c.prepareStatement("update handoff set decision = 'DECLINED' where report_id = ?")) {
                decide.setLong(1, undecided);
                decide.executeUpdate();
            }
            JsonObject decided = unitFigures(query, unit);
            assertThat(decided.getInt("declined")).isEqualTo(2);
            assertThat(decided.getInt("backlog")).isZero();
            rollUp();
            assertThat(rolledUp(c, unit)).isEqualTo(5);
            assertThat(unitFigures(query, unit)).isEqualTo(decided);
            try (var days =
                    c.prepareStatement("select sent, acknowledged, delays from handoff_day where unit_code = ?")) {
                days.setString(1, unit);
                try (var r = days.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(5);
                    assertThat(r.getString(3).split(",")).hasSize(5);
                    assertThat(r.next()).as("one row for the day").isFalse();
                }
            }
        }
    }

    private JsonObject unitFigures(String query, String unit) {
        var reply = scenario().as("admin").get(query);
        assertThat(reply.status()).isEqualTo(200);
        return reply.array().stream()
                .map(JsonObject.class::cast)
                .filter(f -> unit.equals(f.getString("unitCode")))
                .findFirst()
                .orElseThrow();
    }

    private void rollUp() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/it/handoff-rollup"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static int rolledUp(java.sql.Connection c, String unit) throws Exception {
        try (var count = c.prepareStatement("select count(*) from handoff where unit_code = ? and rolled_up = 1")) {
            count.setString(1, unit);
            try (var r = count.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    @RunAsClient
    void everyCallChecksWhoIsCalling() {
        Api anonymous = scenario().anonymous();
        var noCredentials = anonymous.get("/me");
        assertThat(noCredentials.status()).isEqualTo(401);
        assertThat(noCredentials.json().getString("error")).isEqualTo("unauthorized");
        assertThat(Api.as(baseUrl(), "operateur", "wrong").get("/me").status()).isEqualTo(401);
        assertThat(anonymous.get("/inbox").status()).isEqualTo(401);

        JsonObject me = scenario().as("agent-guyancourt").get("/me").json();
        assertThat(me.getString("name")).isEqualTo("agent-guyancourt");
        assertThat(me.getString("unit")).isEqualTo("CSP-GUYANCOURT");
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("UNIT_AGENT");

        long chat = scenario().openChat("Bonjour");
        assertThat(scenario()
                        .as("agent-guyancourt")
                        .post("/chats/" + chat + "/take", null)
                        .status())
                .isEqualTo(403);
        assertThat(scenario()
                        .as("operatrice-vss")
                        .post("/chats/" + chat + "/take", null)
                        .status())
                .as("another platform's chat does not exist for its operators")
                .isEqualTo(404);
        assertThat(scenario()
                        .as("auditeur")
                        .post("/chats/" + chat + "/take", null)
                        .status())
                .isEqualTo(403);

        long report = scenario().forwardedReport();
        assertThat(scenario().as("auditeur").get("/reports/" + report).status()).isEqualTo(200);
        assertThat(scenario()
                        .as("auditeur")
                        .post("/reports/" + report + "/take-over", null)
                        .status())
                .isEqualTo(403);
        assertThat(scenario().as("agent-versailles").get("/reports/" + report).status())
                .isEqualTo(404);
        assertThat(scenario()
                        .as("agent-versailles")
                        .post("/reports/" + report + "/take-over", null)
                        .status())
                .isEqualTo(404);
        assertThat(scenario().as("agent-guyancourt").get("/reports/" + report).status())
                .isEqualTo(200);
    }

    @Test
    @RunAsClient
    void twoOperatorsTakingTheSameChatAtOnce() throws Exception {
        long chat = scenario().openChat("Bonjour, c'est urgent.");
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> takeAfter(go, "operateur", chat));
        var second = CompletableFuture.supplyAsync(() -> takeAfter(go, "operateur2", chat));
        go.countDown();
        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    private Api.Reply takeAfter(CountDownLatch go, String user, long chat) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return scenario().as(user).post("/chats/" + chat + "/take", null);
    }
}
