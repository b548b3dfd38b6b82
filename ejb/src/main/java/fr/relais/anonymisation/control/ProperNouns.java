package fr.relais.anonymisation.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Apache OpenNLP's French part-of-speech model (Universal Dependencies French GSD, from
 * {@code org.apache.opennlp:opennlp-models-pos-fr}) asked whether words of a sentence are proper nouns (PROPN). The
 * model is read once from the classpath; a tagger is not thread-safe, so each thread keeps its own.
 */
final class ProperNouns {

    private static final String MODEL = "/opennlp-fr-ud-gsd-pos-1.3-2.5.4.bin";
    /** Words as UD French writes them: elided articles keep their apostrophe ("l'", "d'"); punctuation stands alone. */
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{N}]+(?:[-.][\\p{L}\\p{N}]+)*(?:['’](?=\\p{L}))?|[^\\s\\p{L}\\p{N}]");

    private static final class Holder {
        static final POSModel MODEL_INSTANCE = load();
    }

    private static final ThreadLocal<POSTaggerME> TAGGER =
            ThreadLocal.withInitial(() -> new POSTaggerME(Holder.MODEL_INSTANCE));

    private ProperNouns() {}

    private static POSModel load() {
        try (InputStream in = Objects.requireNonNull(
                ProperNouns.class.getResourceAsStream(MODEL), "OpenNLP French POS model " + MODEL)) {
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of {@code text[from, to)} with their offsets and tags. */
    static List<Tagged> tag(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(from, to);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String[] words = new String[spans.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = text.substring(spans.get(i)[0], spans.get(i)[1]).replace('’', '\'');
        }
        String[] tags = TAGGER.get().tag(words);
        List<Tagged> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            out.add(new Tagged(spans.get(i)[0], spans.get(i)[1], tags[i]));
        }
        return out;
    }

    record Tagged(int start, int end, String tag) {
        boolean properNoun() {
            return tag.equals("PROPN");
        }
    }
}
