package fr.relais.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A territorial investigation unit that receives reports: police station, gendarmerie brigade. */
@Entity
@Table(name = "unit")
@NamedQuery(
        name = Unit.COVERING_POSTAL_CODE,
        query = "select u from Unit u join u.postalCodes p where p = :postalCode order by u.code")
@NamedQuery(name = Unit.ALL, query = "select u from Unit u order by u.name")
public class Unit {
    public static final String COVERING_POSTAL_CODE = "Unit.coveringPostalCode";
    public static final String ALL = "Unit.all";

    public enum Kind {
        POLICE_STATION,
        GENDARMERIE_BRIGADE,
        SPECIALISED
    }

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(nullable = false, length = 100)
    private String commune;

    /** A desk staffed around the clock, which receives danger-now requests. */
    @Column(name = "desk_24h", nullable = false)
    private boolean desk24h;

    @ElementCollection
    @CollectionTable(name = "unit_postal_code", joinColumns = @JoinColumn(name = "unit_code"))
    @Column(name = "postal_code", length = 5)
    private Set<String> postalCodes = new HashSet<>();

    protected Unit() {}

    public Unit(String code, String name, Kind kind, String commune, Set<String> postalCodes) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.commune = commune;
        this.postalCodes = new HashSet<>(postalCodes);
    }

    /** Opens or closes the unit's 24-hour desk (directory data). */
    public void setDesk24h(boolean desk24h) {
        this.desk24h = desk24h;
    }

    public boolean desk24h() {
        return desk24h;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String commune() {
        return commune;
    }
}
