package fr.relais.workflow;

import java.util.List;

/**
 * Names shared by the models ({@code Conversation.bpmn}, {@code ReportLifecycle.bpmn}) and the code:
 * process keys, messages, variables and steps. Variables hold ids and small decisions, never documents.
 */
public final class ProcessVariables {
    public static final String CONVERSATION = "Conversation";
    public static final String REPORT_LIFECYCLE = "ReportLifecycle";
    /** One per danger-now request (business key: the request id), see {@code DangerNow.bpmn}. */
    public static final String DANGER_NOW = "DangerNow";
    /** One per delivery of a handoff to a unit's own system (business key: the delivery id), see {@code Delivery.bpmn}. */
    public static final String DELIVERY = "Delivery";

    /** Starts a report made during a conversation; the operator holding the chat qualifies it. */
    public static final String MESSAGE_REPORT_FROM_CONVERSATION = "Message_ReportFromConversation";
    /** Starts a report received without a chat; any operator of the platform qualifies it. */
    public static final String MESSAGE_REPORT_FROM_FORM = "Message_ReportFromForm";
    /** Tells a conversation that a report was made from it; the conversation goes on. */
    public static final String MESSAGE_REPORT_MADE = "Message_ReportMade";
    /** Ends a conversation still waiting to be taken in charge as spam (outcome {@code SPAM}). */
    public static final String MESSAGE_CLOSED_AS_SPAM = "Message_ClosedAsSpam";

    /** Gives a held conversation to the person named by {@link #OPERATOR} (a colleague, the psychologist). */
    public static final String MESSAGE_TRANSFER_TO_PERSON = "Message_TransferToPerson";
    /** Puts a held conversation back in the queue of the platform named by {@link #PLATFORM}. */
    public static final String MESSAGE_TRANSFER_TO_QUEUE = "Message_TransferToQueue";

    public static final String CHAT_ID = "chatId";
    public static final String REPORT_ID = "reportId";
    public static final String PLATFORM = "platform";
    public static final String OPERATOR = "operator";
    /** One of {@code Chat.Outcome}'s names; {@code Gateway_ConversationOutcome} has a flow for each. */
    public static final String CONVERSATION_OUTCOME = "conversationOutcome";
    /** Set by {@code Task_CheckCitizenSilence}: true when the citizen stayed silent past the timeout. */
    public static final String CITIZEN_SILENT = "citizenSilent";
    /** One of {@link Competence}'s names, set by {@code Task_ResolveCompetence}. */
    public static final String COMPETENCE = "competence";

    public static final String UNIT_CODE = "unitCode";
    public static final String DANGER_REQUEST_ID = "dangerRequestId";
    public static final String DELIVERY_ID = "deliveryId";
    /** The report's acknowledgement target (ISO instant): {@code Timer_AcknowledgementMissed} fires then. */
    public static final String ACKNOWLEDGE_DUE_AT = "acknowledgeDueAt";
    /** The second deadline (ISO instant): {@code Timer_AcknowledgementMissedTwice} escalates to the department. */
    public static final String ACKNOWLEDGE_DEPARTMENT_DUE_AT = "acknowledgeDepartmentDueAt";
    /** One of {@link Acknowledgement}'s names, the unit's answer to {@code Task_AcknowledgeReport}. */
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    /** One of {@link UnitDecision}'s names, the unit's answer to {@code Task_TakeOverReport}. */
    public static final String UNIT_DECISION = "unitDecision";

    /** One of {@link Validation}'s names, set by {@code Task_ApplyDecisions} from {@code Validation.dmn}. */
    public static final String VALIDATION = "validation";
    /** One of {@link ValidationDecision}'s names, given by the supervisor. */
    public static final String VALIDATION_DECISION = "validationDecision";

    /** The decision tables, deployed with the processes; each is evaluated in its process's deployment. */
    public static final String DECISION_PRIORITY = "Priority";

    public static final String DECISION_SERVICE_LEVELS = "ServiceLevels";
    public static final String DECISION_UNIT_KIND = "UnitKind";
    public static final String DECISION_VALIDATION = "Validation";
    public static final List<String> DECISIONS =
            List.of(DECISION_PRIORITY, DECISION_SERVICE_LEVELS, DECISION_UNIT_KIND, DECISION_VALIDATION);

    public static final String TASK_TAKE_CHAT = "Task_TakeChat";
    public static final String TASK_HOLD_CONVERSATION = "Task_HoldConversation";
    public static final String TASK_QUALIFY = "Task_Qualify";
    public static final String TASK_REVIEW_ANONYMISATION = "Task_ReviewAnonymisation";
    public static final String TASK_ACKNOWLEDGE_REPORT = "Task_AcknowledgeReport";
    public static final String TASK_TAKE_OVER_REPORT = "Task_TakeOverReport";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String TASK_REROUTE_REPORT = "Task_RerouteReport";
    public static final String TASK_VALIDATE_QUALIFICATION = "Task_ValidateQualification";
    public static final String TASK_VALIDATE_AFTER_FORWARDING = "Task_ValidateAfterForwarding";
    public static final String TASK_ACKNOWLEDGE_DANGER_NOW = "Task_AcknowledgeDangerNow";

    /** What {@code Task_ResolveCompetence} found; {@code Gateway_CompetenceResolved} has a flow for each. */
    public enum Competence {
        RESOLVED,
        UNRESOLVED
    }

    /**
     * What a unit answers when the report arrives: receipt acknowledged, acknowledged and taken over in
     * one answer, or declined; {@code Gateway_Acknowledgement} has a flow for each.
     */
    public enum Acknowledgement {
        ACKNOWLEDGED,
        TAKEN_OVER,
        DECLINED
    }

    /** What a unit answers once it acknowledged receipt; {@code Gateway_UnitDecision} has a flow for each. */
    public enum UnitDecision {
        ACCEPTED,
        DECLINED
    }

    /**
     * Whether and when a supervisor validates a report's qualification ({@code Validation.dmn});
     * {@code Gateway_ValidationNeeded} has a flow for each.
     */
    public enum Validation {
        NONE,
        BEFORE_FORWARDING,
        AFTER_FORWARDING
    }

    /**
     * What a supervisor answers; {@code Gateway_ValidationDecision} and
     * {@code Gateway_ValidationAfterForwarding} have a flow for each.
     */
    public enum ValidationDecision {
        APPROVED,
        SENT_BACK
    }

    private ProcessVariables() {}
}
