package fr.relais.anonymisation.control;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Two kinds of spans: the street line ("12 rue des Lilas", "3 bis avenue Victor-Hugo", "40BIS ALLÉE DU 8 MAI 1945",
 * "17 bd voltaire") and the postal code with its commune ("75011 Paris"). A numbered line without a street type ("8
 * Les Cèdres") is taken only right before a postal code, where it cannot be anything else; a hamlet or lieu-dit is
 * taken without a number ("lieu-dit Les Granges").
 *
 * <p>The street name is read word by word after the street type: particles ("de", "du", "l'"), the connector "et"
 * ("Pierre et Marie Curie") and a day in a date ("du 8 Mai 1945") are part of it; it stops at punctuation, a postal
 * code, or a word no street name holds (a pronoun, a preposition, a verb of the narrative). Lower-case names are read
 * after unambiguous street types ("rue", "boulevard"...); after a type that is also a common word ("cours", "place",
 * "port") they are read only when an address cue ("j'habite", "adresse") comes shortly before.
 */
final class PostalAddressDetector implements Detector {

    private static final String CAP_WORD = "\\p{Lu}[\\p{L}]*(?:[-'’]\\p{L}+)*";
    private static final String PARTICLE_WORDS = "(?:(?i:de|du|des|la|le|les|aux|au|sur|sous|en)\\s+|(?i:[dl])['’])";
    private static final String NAME =
            PARTICLE_WORDS + "*" + CAP_WORD + "(?:[ \\t]+" + PARTICLE_WORDS + "*" + CAP_WORD + ")*";
    private static final String NUMBER = "(?<![\\p{L}\\p{N},.])\\d{1,4}(?:\\s?(?i:bis|ter|quater)(?!\\p{L}))?";
    private static final String POSTCODE = "(?<![\\p{L}\\p{N}])(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}(?![\\p{L}\\p{N}])";
    private static final String COMMUNE =
            "(?:(?:Le|La|Les|L['’])\\s*)?" + CAP_WORD + "(?:\\s+(?:CEDEX|Cedex)(?:\\s+\\d{1,2})?)?";

    private static final Pattern STREET_START;
    private static final Pattern PLACE_START =
            Pattern.compile("(?<![\\p{L}\\p{N}\\-])(?iu:lieu-dit|lieudit|hameau)[ \\t]+(?=\\p{Lu})");
    private static final Pattern POSTAL = Pattern.compile(POSTCODE + "[ \\t]+" + COMMUNE);
    private static final Pattern STREET_BEFORE_POSTCODE =
            Pattern.compile(NUMBER + ",?[ \\t]+" + NAME + "(?=[ \\t]*,?[ \\t]*" + POSTCODE + "[ \\t]+\\p{Lu})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");
    private static final Pattern ADDRESS_CUE = Pattern.compile(
            "(?iu)habit|adresse|domicil|demeur|r[ée]sid|(?<!\\p{L})vi[st]\\s+(?:au|à)|(?<!\\p{L})loge|chez\\s+(?:moi|elle|lui)");

    /** Street types that are never common words in a narrative: a lower-case name may follow them. */
    private static final Set<String> UNAMBIGUOUS_TYPES = Set.of(
            "rue",
            "avenue",
            "av",
            "av.",
            "boulevard",
            "bd",
            "bld",
            "bvd",
            "allee",
            "impasse",
            "imp.",
            "chemin",
            "route",
            "rte",
            "quai",
            "square",
            "cite",
            "residence",
            "lotissement",
            "hameau",
            "lieu-dit",
            "lieudit",
            "passage",
            "sentier",
            "venelle",
            "ruelle",
            "faubourg",
            "esplanade",
            "chaussee",
            "rond-point");

    private static final Set<String> PARTICLES =
            Set.of("de", "du", "des", "la", "le", "les", "l", "d", "aux", "au", "sur", "sous", "et", "en");
    private static final Set<String> MONTHS = Set.of(
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre");
    /** Words that end a street name: no French street name holds them. Matched folded (lower case, no accents). */
    private static final Set<String> STOP = Set.of(
            "je",
            "j",
            "tu",
            "il",
            "elle",
            "on",
            "nous",
            "vous",
            "ils",
            "elles",
            "qui",
            "que",
            "qu",
            "quand",
            "ou",
            "dont",
            "a",
            "dans",
            "chez",
            "avec",
            "pour",
            "par",
            "depuis",
            "pres",
            "pendant",
            "avant",
            "apres",
            "vers",
            "sans",
            "mais",
            "donc",
            "car",
            "ni",
            "ne",
            "n",
            "se",
            "s",
            "c",
            "ce",
            "cet",
            "cette",
            "ces",
            "mon",
            "ma",
            "mes",
            "ton",
            "ta",
            "tes",
            "son",
            "sa",
            "ses",
            "notre",
            "nos",
            "votre",
            "vos",
            "leur",
            "leurs",
            "un",
            "une",
            "est",
            "sont",
            "etait",
            "ai",
            "as",
            "avons",
            "avez",
            "ont",
            "suis",
            "es",
            "y",
            "hier",
            "demain",
            "aujourd",
            "matin",
            "soir",
            "nuit",
            "batiment",
            "bat",
            "appartement",
            "appt",
            "apt",
            "etage",
            "escalier",
            "porte",
            "code",
            "digicode",
            "interphone",
            "bp",
            "cedex",
            "cs",
            "tel",
            "telephone",
            "mail",
            "email",
            "numero",
            "tout",
            "tous",
            "toute",
            "toutes",
            "lui",
            "eux",
            "moi",
            "toi",
            "comme",
            "puis",
            "ensuite",
            "alors",
            "si",
            "plus",
            "tres",
            "bien",
            "pas",
            "jamais",
            "toujours",
            "deja",
            "encore",
            "ici",
            "me",
            "te",
            "merci",
            "svp",
            "bonjour",
            "bonsoir");

    private static final int MAX_WORDS = 8;
    private static final int CUE_WINDOW = 50;

    static {
        String types = Texts.resourceLines("/anonymisation/street-types.txt").stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        STREET_START = Pattern.compile(
                NUMBER + "\\s*,?[ \\t]+(?<type>(?iu:" + types + "))(?!\\p{L})[ \\t]+(?=[\\p{L}\\p{N}])");
    }

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (hasDigit(text)) {
            Matcher m = STREET_START.matcher(text);
            while (m.find()) {
                String type = Texts.fold(m.group("type"));
                boolean lowerAllowed = UNAMBIGUOUS_TYPES.contains(type) || cueBefore(text, m.start());
                int end = streetNameEnd(text, m.end(), lowerAllowed);
                if (end > 0) {
                    out.add(new DetectedEntity(
                            EntityType.POSTAL_ADDRESS, m.start(), end, text.substring(m.start(), end)));
                }
            }
            find(POSTAL, text, out);
            find(STREET_BEFORE_POSTCODE, text, out);
        }
        Matcher place = PLACE_START.matcher(text);
        while (place.find()) {
            int end = streetNameEnd(text, place.end(), false);
            if (end > 0) {
                out.add(new DetectedEntity(
                        EntityType.POSTAL_ADDRESS, place.start(), end, text.substring(place.start(), end)));
            }
        }
    }

    /** The end of the street name starting at {@code from}, or -1 when no name word follows the street type. */
    static int streetNameEnd(String text, int from, boolean lowerAllowed) {
        Matcher word = WORD.matcher(text);
        int end = -1;
        int i = from;
        String previous = "";
        for (int count = 0; count < MAX_WORDS; count++) {
            if (!word.find(i) || word.start() != i) {
                break;
            }
            String raw = word.group();
            String folded = Texts.fold(raw);
            boolean digits = raw.chars().allMatch(Character::isDigit);
            boolean particle = PARTICLES.contains(folded) && !raw.equals("là");
            if (digits) {
                // a day in a date ("du 8 Mai 1945", "du 11 Novembre") or its year, never a postal code
                if (raw.length() > 4 || !(Set.of("du", "de").contains(previous) || MONTHS.contains(previous))) {
                    break;
                }
                end = word.end();
            } else if (raw.chars().anyMatch(Character::isDigit)
                    || STOP.contains(folded)
                    || STOP.contains(elided(folded))
                    || raw.equals("là")) {
                break;
            } else if (!particle) {
                boolean capitalised = Character.isUpperCase(firstLetterAfterElision(raw));
                if (!capitalised && !lowerAllowed && !MONTHS.contains(folded)) {
                    break;
                }
                end = word.end();
            }
            previous = folded;
            i = word.end();
            if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '’')) {
                i++; // "d'" or "l'" before the next word
                continue;
            }
            int spaces = i;
            while (spaces < text.length() && (text.charAt(spaces) == ' ' || text.charAt(spaces) == '\u00a0')) {
                spaces++;
            }
            if (spaces == i || spaces - i > 2) {
                break;
            }
            i = spaces;
        }
        return end;
    }

    /** "qu" for "qu'il", "j" for "j'habite": the elided word before the apostrophe, or the word itself. */
    private static String elided(String folded) {
        int apostrophe = Math.max(folded.indexOf('\''), folded.indexOf('’'));
        return apostrophe > 0 ? folded.substring(0, apostrophe) : folded;
    }

    private static char firstLetterAfterElision(String word) {
        if (word.length() > 2 && "dDlL".indexOf(word.charAt(0)) >= 0 && "'’".indexOf(word.charAt(1)) >= 0) {
            return word.charAt(2);
        }
        return word.charAt(0);
    }

    private static boolean cueBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - CUE_WINDOW), start);
        int sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
        return ADDRESS_CUE
                .matcher(sentence >= 0 ? before.substring(sentence) : before)
                .find();
    }

    private static void find(Pattern pattern, String text, List<DetectedEntity> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new DetectedEntity(EntityType.POSTAL_ADDRESS, m.start(), m.end(), m.group()));
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
