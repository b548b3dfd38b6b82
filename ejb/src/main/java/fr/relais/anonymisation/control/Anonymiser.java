package fr.relais.anonymisation.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Detects French personal data in a text and redacts it. Thread-safe: build one and share it. */
public final class Anonymiser {

    /**
     * When two detections overlap, the more specific one wins: a checked identifier beats a looser pattern that happens
     * to cover the same digits, and anything beats a name found inside it ("sophie" in "sophie.martin@...").
     */
    private static final List<EntityType> PRIORITY = List.of(
            EntityType.EMAIL,
            EntityType.IBAN,
            EntityType.NIR,
            EntityType.PAYMENT_CARD,
            EntityType.SOCIAL_HANDLE,
            EntityType.IP_ADDRESS,
            EntityType.PHONE,
            EntityType.LICENCE_PLATE,
            EntityType.DATE_OF_BIRTH,
            EntityType.POSTAL_ADDRESS,
            EntityType.PERSON_NAME);

    private static final String HMAC = "HmacSHA256";
    private static final Detector FAIL_CLOSED = new FailClosedShapes();

    private final byte[] pseudonymSecret;
    private final List<Detector> detectors;

    public Anonymiser(byte[] pseudonymSecret) {
        this(pseudonymSecret, true);
    }

    /** {@code partOfSpeech}: whether person names may also be found by the French part-of-speech model. */
    Anonymiser(byte[] pseudonymSecret, boolean partOfSpeech) {
        if (pseudonymSecret == null || pseudonymSecret.length == 0) {
            throw new IllegalArgumentException("The pseudonym secret must not be empty");
        }
        this.pseudonymSecret = pseudonymSecret.clone();
        this.detectors = List.of(
                new EmailDetector(),
                new SocialHandleDetector(),
                new IbanDetector(),
                new NirDetector(),
                new PaymentCardDetector(),
                new IpAddressDetector(),
                new PhoneDetector(),
                new LicencePlateDetector(),
                new DateOfBirthDetector(),
                new PostalAddressDetector(),
                new PersonNameDetector(partOfSpeech),
                new ReporterIdentityDetector());
    }

    /** Non-overlapping entities sorted by start; their indexes are what {@link Policy#released()} refers to. */
    public List<DetectedEntity> detect(String text, ReporterIdentity reporter) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        ReporterIdentity identity = reporter == null ? ReporterIdentity.empty() : reporter;
        List<DetectedEntity> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(text, identity, candidates);
        }
        List<DetectedEntity> resolved = resolveOverlaps(candidates);
        List<DetectedEntity> shapes = new ArrayList<>();
        FAIL_CLOSED.detect(text, identity, shapes);
        for (DetectedEntity shape : shapes) {
            if (resolved.stream().noneMatch(shape::overlaps)) {
                resolved.add(shape);
            }
        }
        candidates.clear();
        candidates.addAll(resolved);
        repeatEverywhere(text, resolved, candidates);
        return mergeAdjacentNames(text, resolveOverlaps(candidates));
    }

    /**
     * A value recognised once is personal wherever it appears: a birth date quoted again later without its cue, a
     * phone number glued to other digits. Leaving those copies would undo the redaction.
     */
    private static void repeatEverywhere(String text, List<DetectedEntity> found, List<DetectedEntity> out) {
        Map<String, EntityType> values = new HashMap<>();
        for (DetectedEntity e : found) {
            if (e.length() >= 4) {
                values.putIfAbsent(e.value(), e.type());
            }
        }
        for (Map.Entry<String, EntityType> value : values.entrySet()) {
            String v = value.getKey();
            for (int i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
                int end = i + v.length();
                boolean bounded = (!Texts.isWordChar(v.charAt(0)) || Texts.isBoundaryBefore(text, i))
                        && (!Texts.isWordChar(v.charAt(v.length() - 1)) || Texts.isBoundaryAfter(text, end));
                if (bounded) {
                    out.add(new DetectedEntity(value.getValue(), i, end, v));
                }
            }
        }
    }

    public AnonymisationResult anonymise(String text, ReporterIdentity reporter, Policy policy) {
        if (text == null || text.isEmpty()) {
            return new AnonymisationResult("", List.of());
        }
        Policy effective = policy == null ? Policy.failClosed() : policy;
        List<DetectedEntity> entities = detect(text, reporter);
        Replacements replacements = new Replacements(effective.operator());
        StringBuilder out = new StringBuilder(text.length());
        List<Redaction> redactions = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < entities.size(); i++) {
            DetectedEntity entity = entities.get(i);
            if (!effective.redacts(entity.type(), i)) {
                continue;
            }
            String replacement = replacements.of(entity);
            out.append(text, cursor, entity.start()).append(replacement);
            cursor = entity.end();
            redactions.add(new Redaction(entity.type(), entity.start(), entity.end(), replacement));
        }
        out.append(text, cursor, text.length());
        return new AnonymisationResult(out.toString(), redactions);
    }

    private static List<DetectedEntity> resolveOverlaps(List<DetectedEntity> candidates) {
        candidates.sort(Comparator.comparingInt((DetectedEntity e) -> PRIORITY.indexOf(e.type()))
                .thenComparing(Comparator.comparingInt(DetectedEntity::length).reversed())
                .thenComparingInt(DetectedEntity::start));
        TreeMap<Integer, DetectedEntity> accepted = new TreeMap<>();
        for (DetectedEntity candidate : candidates) {
            if (candidate.length() <= 0) {
                continue;
            }
            Entry<Integer, DetectedEntity> before = accepted.floorEntry(candidate.start());
            Entry<Integer, DetectedEntity> after = accepted.ceilingEntry(candidate.start());
            boolean free = (before == null || before.getValue().end() <= candidate.start())
                    && (after == null || after.getValue().start() >= candidate.end());
            if (free) {
                accepted.put(candidate.start(), candidate);
            }
        }
        return new ArrayList<>(accepted.values());
    }

    /** "Sophie" and "Martin" found separately (first and last name fields) are one name when only spaces part them. */
    private static List<DetectedEntity> mergeAdjacentNames(String text, List<DetectedEntity> sorted) {
        List<DetectedEntity> merged = new ArrayList<>(sorted.size());
        for (DetectedEntity entity : sorted) {
            int last = merged.size() - 1;
            if (last >= 0
                    && entity.type() == EntityType.PERSON_NAME
                    && merged.get(last).type() == EntityType.PERSON_NAME
                    && onlySpaces(text, merged.get(last).end(), entity.start())) {
                DetectedEntity previous = merged.get(last);
                merged.set(
                        last,
                        new DetectedEntity(
                                EntityType.PERSON_NAME,
                                previous.start(),
                                entity.end(),
                                text.substring(previous.start(), entity.end())));
            } else {
                merged.add(entity);
            }
        }
        return List.copyOf(merged);
    }

    private static boolean onlySpaces(String text, int from, int to) {
        if (to <= from || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /** One text's worth of replacements: placeholder numbers are per text, per type, in order of first appearance. */
    private final class Replacements {
        private final Operator operator;
        private final Map<EntityType, Map<String, Integer>> numbers = new EnumMap<>(EntityType.class);
        private final Map<String, String> pseudonyms = new HashMap<>();
        private Mac mac;

        Replacements(Operator operator) {
            this.operator = operator;
        }

        String of(DetectedEntity entity) {
            return switch (operator) {
                case PLACEHOLDER -> placeholder(entity);
                case MASK -> mask(entity.value());
                case PSEUDONYM -> pseudonym(entity);
            };
        }

        private String placeholder(DetectedEntity entity) {
            Map<String, Integer> byValue = numbers.computeIfAbsent(entity.type(), t -> new HashMap<>());
            int number = byValue.computeIfAbsent(canonical(entity), v -> byValue.size() + 1);
            return "[" + entity.type().label() + " " + number + "]";
        }

        private String pseudonym(DetectedEntity entity) {
            String key = entity.type().name() + ":" + canonical(entity);
            return pseudonyms.computeIfAbsent(key, k -> {
                byte[] digest = hmac().doFinal(k.getBytes(StandardCharsets.UTF_8));
                return "[" + entity.type().label() + " " + HexFormat.of().formatHex(Arrays.copyOf(digest, 5)) + "]";
            });
        }

        private Mac hmac() {
            if (mac == null) {
                try {
                    mac = Mac.getInstance(HMAC);
                    mac.init(new SecretKeySpec(pseudonymSecret, HMAC));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HMAC-SHA256 is not available", e);
                }
            }
            return mac;
        }
    }

    /** Letters and digits become '*', separators stay, so the shape of the text is kept but not the value. */
    static String mask(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || Character.isSurrogate(c) ? '*' : c);
        }
        return sb.toString();
    }

    /** The same value spelt differently ("06 12.." / "+33 6 12..", "Hélène" / "HELENE") gets the same number. */
    static String canonical(DetectedEntity entity) {
        String value = entity.value();
        return switch (entity.type()) {
            case PHONE -> PhoneDetector.canonical(value);
            case IBAN, NIR, PAYMENT_CARD, LICENCE_PLATE, IP_ADDRESS -> Texts.alnumUpper(value);
            case EMAIL -> Texts.fold(value.strip());
            default -> Texts.fold(value).replaceAll("[^\\p{L}\\p{N}@]+", " ").strip();
        };
    }
}
