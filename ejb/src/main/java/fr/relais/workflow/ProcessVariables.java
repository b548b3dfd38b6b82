package fr.relais.workflow;

/** Names of the process variables and model elements of {@code ReportLifecycle.bpmn}. Ids only, never documents. */
public final class ProcessVariables {
    public static final String PROCESS_KEY = "ReportLifecycle";

    public static final String CHAT_ID = "chatId";
    public static final String PLATFORM = "platform";
    public static final String OPERATOR = "operator";
    public static final String CONVERSATION_OUTCOME = "conversationOutcome";
    public static final String REPORT_ID = "reportId";
    public static final String UNIT_CODE = "unitCode";
    public static final String UNIT_DECISION = "unitDecision";

    public static final String TASK_TAKE_CHAT = "Task_TakeChat";
    public static final String TASK_HOLD_CONVERSATION = "Task_HoldConversation";
    public static final String TASK_QUALIFY = "Task_Qualify";
    public static final String TASK_REVIEW_ANONYMISATION = "Task_ReviewAnonymisation";
    public static final String TASK_ACKNOWLEDGE_REPORT = "Task_AcknowledgeReport";
    public static final String TASK_REROUTE_REPORT = "Task_RerouteReport";

    private ProcessVariables() {}
}
