package fr.relais.audit.view;

import fr.relais.audit.boundary.Audits;
import fr.relais.audit.boundary.ReportCriteria;
import fr.relais.audit.boundary.ReportRow;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.qualification.entity.Category;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The auditor's home ({@code /auditor/index.xhtml}): what they may do, and the search of reports by
 * reference, dates, platform, category, unit, status and operator, paged by the database.
 */
@Named
@ViewScoped
public class AuditorSearchView implements Serializable {
    @EJB
    Audits audits;

    @EJB
    Directory directory;

    private String reference;
    private LocalDate from;
    private LocalDate to;
    private String platform;
    private String category;
    private String unit;
    private String status;
    private String operator;
    private List<String> units;
    private ReportCriteria criteria = ReportCriteria.none();

    private final LazyDataModel<ReportRow> reports = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, audits.count(criteria));
            } catch (DomainException e) {
                Messages.refused(e);
                return 0;
            }
        }

        @Override
        public List<ReportRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            try {
                return audits.search(criteria, first, Math.min(pageSize, Audits.MAX_PAGE), false)
                        .rows();
            } catch (DomainException e) {
                Messages.refused(e);
                return List.of();
            }
        }

        @Override
        public String getRowKey(ReportRow row) {
            return String.valueOf(row.id());
        }
    };

    @PostConstruct
    void init() {
        units = directory.units().stream().map(Unit::code).sorted().toList();
    }

    /** Applies the criteria typed; the table then loads its first page. */
    public void search() {
        criteria = new ReportCriteria(reference, from, to, platform, category, unit, status, operator);
    }

    public void clear() {
        reference = null;
        from = null;
        to = null;
        platform = null;
        category = null;
        unit = null;
        status = null;
        operator = null;
        criteria = ReportCriteria.none();
    }

    public LazyDataModel<ReportRow> getReports() {
        return reports;
    }

    public Platform[] getPlatforms() {
        return Platform.values();
    }

    public Category[] getCategories() {
        return Category.values();
    }

    public Report.Status[] getStatuses() {
        return Report.Status.values();
    }

    public List<String> getUnits() {
        return units;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }
}
