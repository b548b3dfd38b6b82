package fr.relais.qualification.entity;

import fr.relais.shared.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The qualification form as an operator left it, saved as they type so that a reload or a browser
 * crash loses nothing: the fields as typed (text, not yet valid), per report and operator. Deleted
 * when the report is qualified.
 */
@Entity
@Table(name = "qualification_draft")
@NamedQuery(
        name = QualificationDraft.OF_REPORT_AND_OPERATOR,
        query = "select d from QualificationDraft d where d.reportId = :report and d.operator = :operator")
@NamedQuery(
        name = QualificationDraft.DELETE_OF_REPORT,
        query = "delete from QualificationDraft d where d.reportId = :report")
public class QualificationDraft {
    public static final String OF_REPORT_AND_OPERATOR = "QualificationDraft.ofReportAndOperator";
    public static final String DELETE_OF_REPORT = "QualificationDraft.deleteOfReport";

    /** Fields of a draft at most: the form's, with room to grow. */
    public static final int MAX_FIELDS = 40;
    /** A field's text at most: the narrative's limit. */
    public static final int MAX_FIELD = Qualification.MAX_NARRATIVE;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Column(nullable = false, length = 60)
    private String operator;

    @Lob
    @Column(nullable = false)
    private String fields;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected QualificationDraft() {}

    public QualificationDraft(long reportId, String operator) {
        this.reportId = reportId;
        this.operator = operator;
    }

    /** Replaces the saved fields (name → text as typed). */
    public void save(Map<String, String> values, Instant now) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        values.forEach((name, value) -> {
            if (name != null && value != null) {
                json.add(name, value);
            }
        });
        this.fields = json.build().toString();
        this.updatedAt = now;
    }

    /** The saved fields, name → text as typed. */
    public Map<String, String> fields() {
        Map<String, String> values = new LinkedHashMap<>();
        if (fields == null) {
            return values;
        }
        try (var reader = Jsonp.createReader(new StringReader(fields))) {
            JsonObject json = reader.readObject();
            json.forEach((name, value) -> {
                if (value.getValueType() == JsonValue.ValueType.STRING) {
                    values.put(name, ((JsonString) value).getString());
                }
            });
        }
        return values;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
