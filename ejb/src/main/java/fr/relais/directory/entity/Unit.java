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
import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A unit that receives reports: a police station or gendarmerie brigade covering communes, the
 * departmental level of the police or the gendarmerie (every department has one: the competent
 * fallback), or a specialised unit of a department.
 */
@Entity
@Table(name = "unit")
@NamedQuery(
        name = Unit.COVERING_COMMUNE,
        query = "select u from Unit u join u.communes c where c in :insee order by u.code")
@NamedQuery(
        name = Unit.OF_DEPARTMENT,
        query = "select u from Unit u where u.department = :department and u.kind in :kinds order by u.code")
@NamedQuery(name = Unit.ALL, query = "select u from Unit u order by u.name")
public class Unit implements Serializable {
    public static final String COVERING_COMMUNE = "Unit.coveringCommune";
    public static final String OF_DEPARTMENT = "Unit.ofDepartment";
    public static final String ALL = "Unit.all";

    public enum Kind {
        POLICE_STATION,
        GENDARMERIE_BRIGADE,
        DEPARTMENTAL_POLICE,
        DEPARTMENTAL_GENDARMERIE,
        DRUG_UNIT,
        FAMILY_PROTECTION_UNIT,
        CYBER_UNIT;

        /** A station or brigade: competent for the communes it covers. */
        public boolean territorial() {
            return this == POLICE_STATION || this == GENDARMERIE_BRIGADE;
        }

        /** The departmental level: competent for its whole department when nobody else is. */
        public boolean departmental() {
            return this == DEPARTMENTAL_POLICE || this == DEPARTMENTAL_GENDARMERIE;
        }
    }

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    /** The department code (e.g. {@code 78}, {@code 2A}, {@code 974}). */
    @Column(length = 3)
    private String department;

    /** Name of the commune where the unit sits; none for a departmental level with no address given. */
    @Column(length = 100)
    private String commune;

    /** Public address, only when a public source gives it (never invented). */
    @Column(length = 300)
    private String address;

    @Column(length = 40)
    private String phone;

    @Column(name = "opening_hours", length = 300)
    private String openingHours;

    /** Where the unit's public details come from (reference data), or what made it (demo data). */
    @Column(length = 500)
    private String source;

    /** A desk staffed around the clock, which receives danger-now requests. */
    @Column(name = "desk_24h", nullable = false)
    private boolean desk24h;

    /** The communes the unit covers, by INSEE code. */
    @ElementCollection
    @CollectionTable(name = "unit_commune", joinColumns = @JoinColumn(name = "unit_code"))
    @Column(name = "insee", length = 5)
    private Set<String> communes = new HashSet<>();

    protected Unit() {}

    public Unit(String code, String name, Kind kind, String department, String commune, Set<String> communes) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.department = department;
        this.commune = commune;
        this.communes = new HashSet<>(communes);
    }

    /** Sets the public contact details (directory data). */
    public void describe(String address, String phone, String openingHours, String source) {
        this.address = address;
        this.phone = phone;
        this.openingHours = openingHours;
        this.source = source;
    }

    /** Replaces what defines the unit (an admin's import): name, kind, department, seat and communes. */
    public void redefine(String name, Kind kind, String department, String commune, Set<String> communes) {
        this.name = name;
        this.kind = kind;
        this.department = department;
        this.commune = commune;
        this.communes.retainAll(communes);
        this.communes.addAll(communes);
    }

    /** Adds communes to the unit's territory (those it already covers are kept). */
    public void cover(Collection<String> insee) {
        communes.addAll(insee);
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

    public String department() {
        return department;
    }

    public String commune() {
        return commune;
    }

    public String address() {
        return address;
    }

    public String phone() {
        return phone;
    }

    public String openingHours() {
        return openingHours;
    }

    public String source() {
        return source;
    }

    public Set<String> communes() {
        return Set.copyOf(communes);
    }

    public boolean covers(String insee) {
        return communes.contains(insee);
    }
}
