package fr.relais.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One attempt to import the directory from CSV, applied or rejected: who, when, which file, the
 * counts, and what changed (or the bad lines) as JSON written by {@code UnitImports}.
 */
@Entity
@Table(name = "directory_import")
@NamedQuery(name = DirectoryImport.NEWEST_FIRST, query = "select i from DirectoryImport i order by i.id desc")
public class DirectoryImport {
    public static final String NEWEST_FIRST = "DirectoryImport.newestFirst";

    public enum Outcome {
        APPLIED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 60)
    private String importedBy;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome;

    private int added;
    private int updated;
    private int unchanged;

    /** Lines refused. */
    private int rejected;

    /** Problems found (a line may have several). */
    private int errors;

    @Lob
    @Column(nullable = false)
    private String changes;

    @Lob
    @Column(nullable = false)
    private String problems;

    protected DirectoryImport() {}

    public DirectoryImport(
            Instant importedAt,
            String importedBy,
            String fileName,
            String sha256,
            Outcome outcome,
            int[] counts,
            String changes,
            String problems) {
        this.importedAt = importedAt;
        this.importedBy = importedBy;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.outcome = outcome;
        this.added = counts[0];
        this.updated = counts[1];
        this.unchanged = counts[2];
        this.rejected = counts[3];
        this.errors = counts[4];
        this.changes = changes;
        this.problems = problems;
    }

    public Long id() {
        return id;
    }

    public Instant importedAt() {
        return importedAt;
    }

    public String importedBy() {
        return importedBy;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public Outcome outcome() {
        return outcome;
    }

    public int added() {
        return added;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int rejected() {
        return rejected;
    }

    public int errors() {
        return errors;
    }

    public String changes() {
        return changes;
    }

    public String problems() {
        return problems;
    }
}
