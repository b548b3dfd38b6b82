package fr.relais.workflow;

/**
 * Names shared by the models ({@code Conversation.bpmn}, {@code ReportLifecycle.bpmn}) and the code:
 * process keys, messages, variables and steps. Variables hold ids and small decisions, never documents.
 */
public final class ProcessVariables {
    public static final String CONVERSATION = "Conversation";
    public static final String REPORT_LIFECYCLE = "ReportLifecycle";
    /** One per danger-now request (business key: the request id), see {@code DangerNow.bpmn}. */
    public static final String DANGER_NOW = "DangerNow";

    /** Starts a report made during a conversation; the operator holding the chat qualifies it. */
    public static final String MESSAGE_REPORT_FROM_CONVERSATION = "Message_ReportFromConversation";
    /** Starts a report received without a chat; any operator of the platform qualifies it. */
    public static final String MESSAGE_REPORT_FROM_FORM = "Message_ReportFromForm";
    /** Tells a conversation that a report was made from it; the conversation goes on. */
    public static final String MESSAGE_REPORT_MADE = "Message_ReportMade";

    public static final String CHAT_ID = "chatId";
    public static final String REPORT_ID = "reportId";
    public static final String PLATFORM = "platform";
    public static final String OPERATOR = "operator";
    /** One of {@code Chat.Outcome}'s names; {@code Gateway_ConversationOutcome} has a flow for each. */
    public static final String CONVERSATION_OUTCOME = "conversationOutcome";
    /** One of {@link Competence}'s names, set by {@code Task_ResolveCompetence}. */
    public static final String COMPETENCE = "competence";

    public static final String UNIT_CODE = "unitCode";
    public static final String DANGER_REQUEST_ID = "dangerRequestId";
    /** One of {@link UnitDecision}'s names, given by the unit's agent. */
    public static final String UNIT_DECISION = "unitDecision";

    public static final String TASK_TAKE_CHAT = "Task_TakeChat";
    public static final String TASK_HOLD_CONVERSATION = "Task_HoldConversation";
    public static final String TASK_QUALIFY = "Task_Qualify";
    public static final String TASK_REVIEW_ANONYMISATION = "Task_ReviewAnonymisation";
    public static final String TASK_ACKNOWLEDGE_REPORT = "Task_AcknowledgeReport";
    public static final String TASK_REROUTE_REPORT = "Task_RerouteReport";
    public static final String TASK_ACKNOWLEDGE_DANGER_NOW = "Task_AcknowledgeDangerNow";

    /** What {@code Task_ResolveCompetence} found; {@code Gateway_CompetenceResolved} has a flow for each. */
    public enum Competence {
        RESOLVED,
        UNRESOLVED
    }

    /** What a unit answers; {@code Gateway_UnitDecision} has a flow for each. */
    public enum UnitDecision {
        ACCEPTED,
        DECLINED
    }

    private ProcessVariables() {}
}
