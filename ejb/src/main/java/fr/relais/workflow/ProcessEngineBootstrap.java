package fr.relais.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.cdi.CdiJtaProcessEngineConfiguration;
import org.camunda.bpm.engine.cdi.impl.ManagedJobExecutor;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the embedded engine inside the container's JTA transactions, on the application's
 * datasource, with CDI beans as delegates and the job executor on the managed executor; then
 * deploys the models, skipping those that did not change.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessEngineBootstrap {
    private static final Logger LOG = Logger.getLogger(ProcessEngineBootstrap.class.getName());
    static final String[] MODELS = {
        "Conversation.bpmn",
        "ReportLifecycle.bpmn",
        "DangerNow.bpmn",
        "Delivery.bpmn",
        "Priority.dmn",
        "ServiceLevels.dmn",
        "UnitKind.dmn",
        "Validation.dmn"
    };

    @Resource(lookup = Datasource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @EJB
    EngineTransactions transactions;

    @Inject
    @ConfigProperty(name = "relais.engine.job-executor", defaultValue = "true")
    boolean jobExecutorActive;

    /**
     * How long an instance's job executor holds the jobs it acquired (Camunda's lock time, 5 minutes
     * by default). When an instance dies with jobs locked, the others run them once the lock expires:
     * 60 s bounds that wait, and stays well above the longest job (a delivery to a unit's system gives
     * up after its 2 s connect and 5 s read timeouts), so a job still running is not taken twice.
     */
    @Inject
    @ConfigProperty(name = "relais.engine.job-lock-seconds", defaultValue = "60")
    int jobLockSeconds;

    private ProcessEngine engine;

    @PostConstruct
    void start() {
        // Commands without a transaction of their caller (the job executor's, the engine's start) run
        // in one the container begins: one begun by Camunda through the TransactionManager left the
        // connection in autocommit, each statement its own commit (ContainerTransactionInterceptor).
        CdiJtaProcessEngineConfiguration config = new CdiJtaProcessEngineConfiguration() {
            @Override
            protected CommandInterceptor createTransactionInterceptor(boolean requiresNew) {
                return new ContainerTransactionInterceptor(requiresNew, transactionManager, transactions, this);
            }
        };
        config.setProcessEngineName("default");
        config.setDataSource(dataSource);
        config.setTransactionManager(transactionManager());
        config.setTransactionsExternallyManaged(true);
        config.setDatabaseType("mysql");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // FULL without the job log and the identity-link log nobody reads (AuditedHistoryLevel): a custom
        // level of FULL's name and id, which Camunda picks over its own (the last of that name wins)
        config.setCustomHistoryLevels(List.of(new AuditedHistoryLevel()));
        // No removal time on history rows: Camunda's default ("end") stamps it when a root process ends,
        // one UPDATE of each of 16 history tables per ended process (about 16 statements per lifecycle),
        // for its history cleanup, which is not scheduled here (no cleanup window; nothing removes the
        // engine's history by that column). "start" would instead read ACT_HI_PROCINST in every command
        // writing history. Should the cleanup be scheduled one day, it goes by the end time plus the
        // models' historyTimeToLive (Camunda's end-time-based strategy), which needs no removal time.
        config.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        config.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
        // Ids drawn locally: the default generator takes blocks of ids from a table in a transaction
        // of its own, i.e. a second pooled connection while the request holds one and other requests
        // wait on its lock holding theirs: under load the pool ran dry and every request waited for
        // the pool's max-wait (measured by the bench module). Also the advice for a cluster.
        StrongUuidGenerator ids = new StrongUuidGenerator();
        config.setIdGenerator(ids);
        config.setCustomSessionFactories(List.of(new IdCheckedEntityManager.Factory(ids)));
        ManagedJobExecutor jobExecutor = new ManagedJobExecutor(executor);
        // Steps after a person's action run as jobs: a commit wakes the executor at once; when idle it
        // polls at most every 5 s (Camunda's default backs off to 60 s), for jobs another node created.
        jobExecutor.setWaitTimeInMillis(500);
        jobExecutor.setMaxWait(5_000);
        jobExecutor.setLockTimeInMillis(jobLockSeconds * 1000);
        config.setJobExecutor(jobExecutor);
        config.setJobExecutorActivate(jobExecutorActive);
        config.setJobExecutorDeploymentAware(false);
        // a job that lost a race with a person's step runs again at once (RacesRunAgain); one that
        // failed for good is an incident at once (IncidentAtOnce)
        config.setFailedJobCommandFactory(new IncidentAtOnce(new RacesRunAgain()));
        config.setMetricsEnabled(false);
        // Task metrics (ACT_RU_TASK_METER_LOG, about five rows per report) count unique assignees for
        // Camunda's licensing; nothing here reads them.
        config.setTaskMetricsEnabled(false);
        // History stays FULL, without the per-update trail of variable values (ACT_HI_DETAIL, about
        // 13 rows per report): ACT_HI_VARINST keeps each variable, the processes carry ids only, and
        // the auditors read the domain's own records, never the engine's history.
        config.setHistoryEventHandler(new DbHistoryEventHandler() {
            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
                return false;
            }
        });
        // the decision tables' FEEL parsed once per text, not at every evaluation (ParsedOnceFeelEngine)
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(ParsedOnceFeelEngine.factory());
        config.setDmnEngineConfiguration(dmn);
        engine = config.buildProcessEngine();

        deployModels();
    }

    /** Deploys the models; unchanged ones create no new version (duplicate filtering). */
    public void deployModels() {
        var deployment = engine.getRepositoryService()
                .createDeployment()
                .name("relais")
                .source("relais")
                .enableDuplicateFiltering(false);
        for (String model : MODELS) {
            deployment.addClasspathResource(model);
        }
        var deployed = deployment.deployWithResult();
        var definitions = deployed.getDeployedProcessDefinitions();
        LOG.info(() -> "Process engine started; " + (definitions == null ? 0 : definitions.size())
                + " new process definition(s) deployed");
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    public ProcessEngine engine() {
        return engine;
    }

    private static TransactionManager transactionManager() {
        try {
            return InitialContext.doLookup("java:appserver/TransactionManager");
        } catch (NamingException e) {
            throw new IllegalStateException("no JTA transaction manager", e);
        }
    }
}
