package fr.relais.directory.boundary;

import fr.relais.directory.control.UnitChange;
import fr.relais.directory.control.UnitFile;
import fr.relais.directory.entity.DirectoryImport;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory imported from CSV by admins ({@link UnitFile}'s format): every line is checked
 * before anything is written, and one bad line refuses the whole file. A code not in the directory
 * is added; an existing code is updated (its fields and communes replaced by the file's); units
 * absent from the file are left as they are. Every applied or rejected attempt is recorded (a dry
 * run is not: it writes nothing).
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class UnitImports {
    /** The longest file name kept (the rest is cut). */
    static final int MAX_FILE_NAME = 255;

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type CHANGES =
            new ArrayList<UnitChange>() {}.getClass().getGenericSuperclass();
    private static final Type PROBLEMS =
            new ArrayList<LineProblem>() {}.getClass().getGenericSuperclass();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    Communes communes;

    Clock clock = Clock.systemUTC();

    /** A refused line: its number (0: the file as a whole), the stable reason code and the value at fault. */
    public record LineProblem(int line, String reason, String value) implements Serializable {}

    /**
     * What an import did or, for a dry run or a rejected file, would do: the counts, the changes per
     * unit, and the problems (none when applied).
     */
    public record Outcome(
            Long importId,
            boolean dryRun,
            boolean applied,
            int added,
            int updated,
            int unchanged,
            int rejected,
            List<UnitChange> changes,
            List<LineProblem> problems)
            implements Serializable {}

    /** One recorded attempt, as the history shows it. */
    public record ImportRecord(
            long id,
            Instant importedAt,
            String importedBy,
            String fileName,
            String sha256,
            String outcome,
            int added,
            int updated,
            int unchanged,
            int rejected,
            int errors,
            List<UnitChange> changes,
            List<LineProblem> problems)
            implements Serializable {}

    /**
     * Checks the file and, unless it is a dry run or a line is bad, applies it, all in this
     * transaction; records the attempt unless it is a dry run.
     */
    public Outcome importFile(String fileName, byte[] content, boolean dryRun) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("empty_file", "Le fichier est vide.");
        }
        String name = fileName == null || fileName.isBlank() ? "(sans nom)" : fileName.strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
        }
        UnitFile.Checked checked = UnitFile.check(content, communes::departmentOf);
        List<LineProblem> problems = checked.problems().stream()
                .map(p -> new LineProblem(p.line(), p.reason().name(), p.value()))
                .toList();
        if (!checked.valid()) {
            Long id = dryRun
                    ? null
                    : record(
                            name,
                            content,
                            DirectoryImport.Outcome.REJECTED,
                            new int[] {0, 0, 0, checked.rejectedLines(), problems.size()},
                            List.of(),
                            problems);
            return new Outcome(id, dryRun, false, 0, 0, 0, checked.rejectedLines(), List.of(), problems);
        }
        Map<String, Unit> existing = existing(checked.lines(), dryRun);
        List<UnitChange> changes = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (UnitFile.Line line : checked.lines()) {
            Unit unit = existing.get(line.code());
            UnitChange change = UnitChange.of(line, unit);
            if (change == null) {
                unchanged++;
                continue;
            }
            changes.add(change);
            if (unit == null) {
                added++;
                if (!dryRun) {
                    em.persist(line.toUnit());
                }
            } else {
                updated++;
                if (!dryRun) {
                    unit.redefine(line.name(), line.kind(), line.department(), line.commune(), line.communes());
                    unit.describe(line.address(), line.phone(), line.openingHours(), line.source());
                    unit.setDesk24h(line.desk24h());
                }
            }
        }
        Long id = dryRun
                ? null
                : record(
                        name,
                        content,
                        DirectoryImport.Outcome.APPLIED,
                        new int[] {added, updated, unchanged, 0, 0},
                        changes,
                        List.of());
        return new Outcome(id, dryRun, !dryRun, added, updated, unchanged, 0, List.copyOf(changes), List.of());
    }

    /** The recorded attempts, newest first. */
    public List<ImportRecord> history(int limit) {
        return em
                .createNamedQuery(DirectoryImport.NEWEST_FIRST, DirectoryImport.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList()
                .stream()
                .map(i -> new ImportRecord(
                        i.id(),
                        i.importedAt(),
                        i.importedBy(),
                        i.fileName(),
                        i.sha256(),
                        i.outcome().name(),
                        i.added(),
                        i.updated(),
                        i.unchanged(),
                        i.rejected(),
                        i.errors(),
                        JSON.fromJson(i.changes(), CHANGES),
                        JSON.fromJson(i.problems(), PROBLEMS)))
                .toList();
    }

    /** The whole directory in the import's format, so that admins can edit it and import it back. */
    public String export() {
        return UnitFile.write(em.createNamedQuery(Unit.ALL, Unit.class).getResultList().stream()
                .sorted(java.util.Comparator.comparing(Unit::code))
                .toList());
    }

    /** The units of the file already in the directory, locked against a concurrent import when applying. */
    private Map<String, Unit> existing(List<UnitFile.Line> lines, boolean dryRun) {
        List<String> codes = lines.stream().map(UnitFile.Line::code).toList();
        var query = em.createQuery("select u from Unit u where u.code in :codes", Unit.class)
                .setParameter("codes", codes);
        if (!dryRun) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }

    private Long record(
            String name,
            byte[] content,
            DirectoryImport.Outcome outcome,
            int[] counts,
            List<UnitChange> changes,
            List<LineProblem> problems) {
        var entry = new DirectoryImport(
                clock.instant(),
                session.getCallerPrincipal().getName(),
                name,
                sha256(content),
                outcome,
                counts,
                JSON.toJson(changes),
                JSON.toJson(problems));
        em.persist(entry);
        em.flush();
        return entry.id();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
