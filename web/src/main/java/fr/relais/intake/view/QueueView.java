package fr.relais.intake.view;

import fr.relais.intake.boundary.Transfers;
import fr.relais.intake.entity.Chat;
import fr.relais.qualification.boundary.CitizenReports;
import fr.relais.qualification.boundary.FormReportCase;
import fr.relais.qualification.boundary.Qualifications;
import fr.relais.qualification.boundary.StaffReport;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An operator's screen: the platform's queue, the reports received by the public form to check, the
 * chats held ({@link ConversationScreen}), the reports in progress.
 */
@Named
@ViewScoped
public class QueueView extends ConversationScreen {
    @EJB
    Qualifications qualifications;

    @EJB
    CitizenReports citizenReports;

    Clock clock = Clock.systemUTC();

    private List<Chat> queue;
    private List<Report> reports;
    private List<FormReportCase> formReports;
    private Instant loadedAt;

    public QueueView() {
        super(Transfers.Target.COLLEAGUE);
    }

    @Override
    protected void loadOthers() {
        loadedAt = clock.instant();
        queue = intake.queue();
        reports = qualifications.inProgress();
        formReports = citizenReports.awaitingOperator();
    }

    public void take(long chatId) {
        try {
            intake.take(chatId);
            opened(chatId);
            Messages.info("operator.taken");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    @Override
    public List<Transfers.Target> getTransferTargets() {
        return List.of(Transfers.Target.values());
    }

    /** Makes a report from the open conversation, which goes on, and opens the report's qualification form. */
    public String report() {
        try {
            StaffReport report = qualifications.startReport(getSelectedChat());
            return "/qualification/form?faces-redirect=true&id=" + report.id();
        } catch (DomainException e) {
            Messages.refused(e);
            load();
            return null;
        }
    }

    public long waitingSeconds(Chat chat) {
        return Waiting.seconds(chat.queuedAt(), loadedAt);
    }

    public String waitingMarker(Chat chat) {
        return Waiting.marker(waitingSeconds(chat));
    }

    public List<Chat> getQueue() {
        return queue;
    }

    public List<Report> getReports() {
        return reports;
    }

    /** Reports received by the public form that no operator of the platform has checked yet. */
    public List<FormReportCase> getFormReports() {
        return formReports;
    }
}
