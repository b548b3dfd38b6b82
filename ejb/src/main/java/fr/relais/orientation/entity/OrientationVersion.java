package fr.relais.orientation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An orientation tree an administrator published, as sent (valid when published), with who and when. */
@Entity
@Table(name = "orientation_version")
@NamedQuery(name = OrientationVersion.NEWEST_FIRST, query = "select v from OrientationVersion v order by v.id desc")
@NamedQuery(name = OrientationVersion.NEWEST_ID, query = "select max(v.id) from OrientationVersion v")
public class OrientationVersion {
    public static final String NEWEST_FIRST = "OrientationVersion.newestFirst";
    public static final String NEWEST_ID = "OrientationVersion.newestId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String version;

    @Lob
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String content;

    @Column(nullable = false)
    private int leaves;

    @Column(name = "published_by", nullable = false, length = 60)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected OrientationVersion() {}

    public OrientationVersion(String version, String content, int leaves, String publishedBy, Instant publishedAt) {
        this.version = version;
        this.content = content;
        this.leaves = leaves;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    public Long id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String content() {
        return content;
    }

    public int leaves() {
        return leaves;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
