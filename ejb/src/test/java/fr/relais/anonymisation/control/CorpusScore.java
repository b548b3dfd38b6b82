package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall per type of an {@link Anonymiser} on a list of narratives, with the matching rule of CORPUS.md:
 * a detection counts only when its type and exact span equal an expected occurrence.
 */
final class CorpusScore {

    static final Set<EntityType> STRUCTURED = Set.of(
            EntityType.PHONE,
            EntityType.EMAIL,
            EntityType.NIR,
            EntityType.IBAN,
            EntityType.PAYMENT_CARD,
            EntityType.LICENCE_PLATE,
            EntityType.IP_ADDRESS);

    private static final int TP = 0;
    private static final int FP = 1;
    private static final int FN = 2;

    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
    private final List<String> misses = new ArrayList<>();

    private CorpusScore() {
        for (EntityType type : EntityType.values()) {
            counts.put(type, new int[3]);
        }
    }

    static CorpusScore of(Anonymiser anonymiser, List<Corpus.Narrative> narratives) {
        CorpusScore score = new CorpusScore();
        for (Corpus.Narrative narrative : narratives) {
            Set<Corpus.Expected> expected = new HashSet<>(narrative.expected());
            for (DetectedEntity e : anonymiser.detect(narrative.text(), narrative.reporter())) {
                Corpus.Expected asExpected = new Corpus.Expected(e.type(), e.start(), e.end());
                if (expected.remove(asExpected)) {
                    score.counts.get(e.type())[TP]++;
                } else {
                    score.counts.get(e.type())[FP]++;
                    score.misses.add(narrative.id() + " false positive " + e.type() + " '" + e.value() + "'");
                }
            }
            for (Corpus.Expected missed : expected) {
                score.counts.get(missed.type())[FN]++;
                score.misses.add(narrative.id() + " missed " + missed.type() + " '"
                        + narrative.text().substring(missed.start(), missed.end()) + "' after '"
                        + narrative.text().substring(Math.max(0, missed.start() - 25), missed.start()) + "'");
            }
        }
        return score;
    }

    int expected(EntityType type) {
        int[] c = counts.get(type);
        return c[TP] + c[FN];
    }

    double precision(EntityType type) {
        return precision(counts.get(type));
    }

    double recall(EntityType type) {
        return recall(counts.get(type));
    }

    double overallPrecision() {
        return precision(total());
    }

    double overallRecall() {
        return recall(total());
    }

    List<String> misses() {
        return List.copyOf(misses);
    }

    private int[] total() {
        int[] total = new int[3];
        for (int[] c : counts.values()) {
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
        }
        return total;
    }

    private static double precision(int[] c) {
        return c[TP] + c[FP] == 0 ? 1.0 : (double) c[TP] / (c[TP] + c[FP]);
    }

    private static double recall(int[] c) {
        return c[TP] + c[FN] == 0 ? 1.0 : (double) c[TP] / (c[TP] + c[FN]);
    }

    /** The Markdown table RESULTS.md reproduces. */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| type | expected | found | correct | precision | recall |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (EntityType type : EntityType.values()) {
            sb.append(row(type.name(), counts.get(type)));
        }
        sb.append(row("**all**", total()));
        return sb.toString();
    }

    private static String row(String name, int[] c) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.3f | %.3f |%n",
                name,
                c[TP] + c[FN],
                c[TP] + c[FP],
                c[TP],
                precision(c),
                recall(c));
    }
}
