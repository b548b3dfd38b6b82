package fr.relais.anonymisation.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Person names from three kinds of evidence: a known French first name, a cue right before the name (a title, "je
 * m'appelle", "ma voisine", "un certain"), and repetition of a name already found in the same text. First names that
 * are also common words ("Rose", "Pierre", "la Marine") need more context; see ambiguous-first-names.txt.
 */
final class PersonNameDetector implements Detector {

    private static final Set<String> FIRST_NAMES = foldedLines("/anonymisation/first-names.txt");
    private static final Set<String> AMBIGUOUS = new HashSet<>();
    private static final Set<String> STRICT = new HashSet<>();
    private static final Set<String> TITLES = new HashSet<>();
    private static final Set<String> RELATIONS = new HashSet<>();
    private static final List<String[]> PHRASES = new ArrayList<>();

    /** Capitalised words that never continue a name: sentence words, pronouns, determiners. */
    private static final Set<String> CAPITAL_STOP = words(
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
            "ce",
            "cet",
            "cette",
            "ces",
            "c",
            "un",
            "une",
            "des",
            "les",
            "et",
            "ou",
            "mais",
            "donc",
            "car",
            "puis",
            "alors",
            "depuis",
            "quand",
            "hier",
            "merci",
            "bonjour",
            "bonsoir",
            "salut",
            "madame",
            "monsieur",
            "mademoiselle",
            "qui",
            "que",
            "quoi",
            "pour",
            "par",
            "avec",
            "sans",
            "sur",
            "dans",
            "chez",
            "apres",
            "avant",
            "pendant",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
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
            "decembre",
            "svp",
            "ok",
            "oui",
            "non",
            "si",
            "ne",
            "pas",
            "a",
            "au",
            "aux",
            "en",
            "y",
            "d",
            "l",
            "s",
            "m",
            "n",
            "qu");
    /** Lower-case words that cannot be the surname after a lower-case first name in chat style ("kevin durand"). */
    private static final Set<String> STOPWORDS = words(
            "est",
            "a",
            "ai",
            "as",
            "avait",
            "etait",
            "sont",
            "suis",
            "es",
            "va",
            "vais",
            "vient",
            "veut",
            "dit",
            "fait",
            "il",
            "elle",
            "et",
            "qui",
            "que",
            "me",
            "m",
            "te",
            "t",
            "se",
            "s",
            "ne",
            "n",
            "pas",
            "de",
            "du",
            "des",
            "la",
            "le",
            "les",
            "l",
            "un",
            "une",
            "en",
            "au",
            "aux",
            "y",
            "on",
            "ou",
            "mais",
            "donc",
            "sur",
            "dans",
            "avec",
            "pour",
            "par",
            "chez",
            "sans",
            "sous",
            "vers",
            "je",
            "j",
            "tu",
            "nous",
            "vous",
            "ils",
            "elles",
            "lui",
            "leur",
            "son",
            "sa",
            "ses",
            "mon",
            "ma",
            "mes",
            "ton",
            "ta",
            "tes",
            "ce",
            "cet",
            "cette",
            "ces",
            "c",
            "qu",
            "d",
            "aussi",
            "encore",
            "toujours",
            "jamais",
            "tres",
            "trop",
            "bien",
            "mal",
            "plus",
            "moins",
            "deja",
            "ca",
            "cela",
            "ici",
            "la-bas",
            "svp",
            "stp",
            "merci",
            "bonjour",
            "ans",
            "mois",
            "hier",
            "aujourd",
            "demain",
            "soir",
            "matin",
            "depuis",
            "quand",
            "car",
            "si",
            "comme",
            "tout",
            "tous",
            "toute",
            "toutes",
            "mec",
            "meuf",
            "ex",
            "habite",
            "vit",
            "frappe",
            "menace",
            "bourre",
            "bourree",
            "arrive",
            "appelle",
            "dit",
            "fils",
            "fille");
    /** Words after which a capitalised first name is a street, a school or a car, not a person. */
    private static final Set<String> NOT_PERSON_BEFORE = words(
            "rue",
            "avenue",
            "av",
            "boulevard",
            "bd",
            "place",
            "allee",
            "impasse",
            "chemin",
            "route",
            "quai",
            "cours",
            "square",
            "passage",
            "promenade",
            "residence",
            "cite",
            "lotissement",
            "lycee",
            "college",
            "ecole",
            "groupe",
            "scolaire",
            "universite",
            "faculte",
            "hopital",
            "clinique",
            "chu",
            "stade",
            "gymnase",
            "piscine",
            "centre",
            "salle",
            "parc",
            "pont",
            "gare",
            "station",
            "metro",
            "eglise",
            "cathedrale",
            "basilique",
            "saint",
            "sainte",
            "st",
            "ste",
            "musee",
            "bibliotheque",
            "mediatheque",
            "institut",
            "fondation",
            "hotel",
            "boulangerie",
            "bar",
            "cafe",
            "restaurant",
            "pharmacie",
            "renault",
            "peugeot",
            "citroen",
            "mercedes",
            "audi",
            "bmw",
            "volkswagen",
            "vw",
            "toyota",
            "fiat",
            "dacia",
            "opel",
            "ford",
            "nissan",
            "kia",
            "seat",
            "skoda",
            "tesla",
            "honda",
            "hyundai",
            "mini",
            "smart",
            "tribunal",
            "prefecture",
            "mairie",
            "quartier",
            "cap",
            "ile",
            "mont",
            "lac",
            "port",
            "bois",
            "foret",
            "val",
            "zone",
            "campus",
            "ehpad",
            "collectif",
            "association",
            "operation",
            "plan",
            "compte",
            "application",
            "appli",
            "site",
            "marque",
            "societe",
            "entreprise",
            "magasin",
            "boutique",
            "operateur",
            "banque");

    private static final Set<String> ARTICLES = words(
            "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "en", "ce", "cet", "cette",
            "ces", "sa", "son", "ses", "ma", "mon", "mes", "ta", "ton", "tes", "leur", "leurs", "notre", "nos", "votre",
            "vos", "quel", "quelle", "par", "pour", "vers", "sur", "dans");
    private static final Set<String> PARTICLES = words(
            "le", "la", "de", "da", "du", "des", "di", "del", "della", "dos", "das", "van", "von", "ben", "bin", "el",
            "al", "ait", "mac", "mc", "ter", "ten", "st", "saint", "sainte");
    private static final Set<String> LOWER_PARTICLES = words("da", "di", "del", "della", "dos", "das", "van", "von");
    private static final Set<String> WEAK_CUE_LAST = words("suis", "est");
    /** Upper-case words of narratives that are not surnames, for the shape rule on names in capitals. */
    private static final Set<String> ACRONYMS = words(
            "sms",
            "mms",
            "cb",
            "rib",
            "iban",
            "hlm",
            "caf",
            "cpam",
            "sncf",
            "ratp",
            "edf",
            "gdf",
            "rsa",
            "psg",
            "om",
            "sa",
            "sas",
            "sarl",
            "tgv",
            "ter",
            "rer",
            "ok",
            "tv",
            "pv",
            "gps",
            "bac",
            "cm",
            "ce",
            "cp",
            "rdv",
            "wc",
            "id",
            "ip",
            "svp",
            "urgent",
            "attention",
            "pdf",
            "url",
            "usb",
            "pc",
            "dm",
            "mp",
            "ong",
            "samu",
            "sos",
            "crs",
            "gign",
            "pj",
            "pn",
            "gn",
            "vtc",
            "suv",
            "bmw",
            "vw",
            "zac",
            "zi",
            "za",
            "ht",
            "ttc",
            "eur",
            "usd",
            "fr",
            "ue",
            "usa",
            "uk",
            "oqtf",
            "ase",
            "pmi",
            "cmu",
            "ame",
            "apl",
            "aah",
            "cesu",
            "ehpad",
            "ime",
            "sdf",
            "tgi",
            "jaf",
            "jld",
            "vif",
            "umj",
            "itt",
            "mdr",
            "lol",
            "ptdr",
            "stp",
            "jpp",
            "nrv",
            "bg",
            "oklm",
            "nir",
            "siret",
            "tva",
            "qr",
            "wifi",
            "sim",
            "pin",
            "cvv",
            "cvc",
            "dab",
            "gab",
            "atm",
            "paypal",
            "hs",
            "aide",
            "help",
            "stop",
            "police",
            "gendarmerie",
            "danger",
            "important",
            "info",
            "infos",
            "nb",
            "ps",
            "rip");
    /** Particles written in capitals inside a surname in capitals ("LE ROUX", "BEN ALI", "VAN DER BERG"). */
    private static final Set<String> CAPITAL_PARTICLES =
            words("le", "la", "de", "du", "des", "van", "der", "den", "dos", "da", "ben", "el", "ait", "ould", "mac");

    private static final int MAX_TOKENS = 5;

    static {
        for (String line : Texts.resourceLines("/anonymisation/ambiguous-first-names.txt")) {
            boolean strict = line.endsWith("!");
            String name = Texts.fold(strict ? line.substring(0, line.length() - 1) : line);
            AMBIGUOUS.add(name);
            if (strict) {
                STRICT.add(name);
            }
        }
        String section = "";
        for (String line : Texts.resourceLines("/anonymisation/name-cues.txt")) {
            if (line.startsWith("[")) {
                section = line;
            } else if (section.equals("[title]")) {
                TITLES.add(line);
            } else if (section.equals("[relation]")) {
                RELATIONS.add(line);
            } else if (section.equals("[phrase]")) {
                PHRASES.add(line.split(" "));
            }
        }
    }

    private final boolean partOfSpeech;

    /** With the part-of-speech model for runs of proper nouns no list or cue announces. */
    PersonNameDetector() {
        this(true);
    }

    PersonNameDetector(boolean partOfSpeech) {
        this.partOfSpeech = partOfSpeech;
    }

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        List<Token> tokens = Token.tokenise(text);
        boolean[] taken = new boolean[tokens.size()];
        List<int[]> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!taken[i] && followsNonPerson(text, tokens, i)) {
                while (i + 1 < tokens.size() && tokens.get(i + 1).gapIsSpace(text)) {
                    if (isNamePart(text, tokens, i + 1)) {
                        taken[++i] = true;
                    } else if (tokens.get(i + 1).folded().equals("et")
                            && tokens.get(i + 1).lowerCase()
                            && followedByCapital(text, tokens, i + 1)) {
                        taken[++i] = true; // "rue Pierre et Marie Curie"
                    } else {
                        break;
                    }
                }
                continue;
            }
            if (!taken[i] && startsName(text, tokens, i)) {
                int end = extend(text, tokens, i);
                int start = i;
                while (start > 0 && !taken[start - 1] && isCapitalsBefore(text, tokens, start)) {
                    start--;
                }
                for (int k = start; k < end; k++) {
                    taken[k] = true;
                }
                names.add(new int[] {start, end});
                i = end - 1;
            }
        }
        if (partOfSpeech) {
            properNounRuns(text, tokens, taken, names);
        }
        propagate(text, tokens, taken, names);
        for (int[] name : names) {
            int start = tokens.get(name[0]).start();
            int end = tokens.get(name[1] - 1).end();
            out.add(new DetectedEntity(EntityType.PERSON_NAME, start, end, text.substring(start, end)));
        }
    }

    /** "lycée Victor Hugo", "rue Pierre Curie", "une Renault Clio": the whole capitalised run is not a person. */
    private static boolean followsNonPerson(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return i > 0
                && t.capitalised()
                && t.gapIsSpace(text)
                && NOT_PERSON_BEFORE.contains(tokens.get(i - 1).folded());
    }

    private static boolean startsName(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.hasLetter() || t.folded().length() < 2 && !t.capitalised() && lowerParticleRun(text, tokens, i) == 0) {
            return false;
        }
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        boolean known = isFirstName(t);
        boolean capitalised = t.capitalised() && !CAPITAL_STOP.contains(t.folded()) && !isTitleToken(text, t);
        switch (cueBefore(text, tokens, i)) {
            case STRONG:
                return capitalised
                        || known && t.lowerCase() && !STOPWORDS.contains(t.folded())
                        || lowerParticleRun(text, tokens, i) > 0; // "M. d'Almeida", "Madame du Plessis"
            case WEAK:
                if (t.allCaps() && !known) {
                    return false;
                }
                return capitalised
                                && (known
                                        || nextIsSurname(text, tokens, i)
                                        || i + 1 < tokens.size()
                                                && tokens.get(i + 1).gapIsSpace(text)
                                                && lowerParticleRun(text, tokens, i + 1) > 0)
                        || known && !AMBIGUOUS.contains(t.folded());
            default:
                break;
        }
        if (capitalised && isCapitalsShape(text, tokens, i)) {
            return true;
        }
        if (!capitalised || !known) {
            return false;
        }
        if (!AMBIGUOUS.contains(t.folded())) {
            return true;
        }
        if (nextIsSurname(text, tokens, i) || followedByRelation(text, tokens, i)) {
            return true;
        }
        if (STRICT.contains(t.folded()) || isSentenceStart(text, t.start())) {
            return false;
        }
        return previous == null || !ARTICLES.contains(previous.folded());
    }

    private enum Cue {
        NONE,
        WEAK,
        STRONG
    }

    private static Cue cueBefore(String text, List<Token> tokens, int i) {
        if (i == 0) {
            return Cue.NONE;
        }
        Token t = tokens.get(i);
        if (isTitleToken(text, tokens.get(i - 1)) && t.gapBefore(text).matches("\\.?[ \\t\u00a0]+")) {
            return Cue.STRONG;
        }
        if (!t.gapIsCueSeparator(text)) {
            return Cue.NONE;
        }
        Token previous = tokens.get(i - 1);
        String p = previous.folded();
        if (isTitleToken(text, previous) || TITLES.contains(p) && p.length() > 3) {
            // "Madame, Monsieur, La semaine dernière...": a title followed by a comma addresses the reader
            return t.gapBefore(text).contains(",") ? Cue.NONE : Cue.STRONG;
        }
        if (RELATIONS.contains(p)) {
            return Cue.STRONG;
        }
        for (String[] phrase : PHRASES) {
            if (endsWith(tokens, i, phrase)) {
                return Cue.STRONG;
            }
        }
        if (WEAK_CUE_LAST.contains(p) && i >= 2) {
            String before = tokens.get(i - 2).folded();
            if (before.equals("je")
                    || before.equals("c")
                            && i >= 3
                            && tokens.get(i - 3).folded().equals("moi")) {
                return Cue.WEAK;
            }
            if (before.equals("c")) {
                return Cue.WEAK;
            }
        }
        if (p.equals("moi") && t.gapBefore(text).contains(",")) {
            return Cue.WEAK;
        }
        return Cue.NONE;
    }

    /** "M." "Mme" "Dr" and friends, capitalised as titles are (so that the pronoun "me" is not one). */
    private static boolean isTitleToken(String text, Token t) {
        String raw = t.text(text);
        switch (raw) {
            case "M":
            case "MM":
                return t.end() < text.length() && text.charAt(t.end()) == '.';
            case "Me":
            case "Pr":
            case "Dr":
            case "Mme":
            case "Mmes":
            case "Mlle":
            case "Mr":
            case "Mrs":
                return true;
            default:
                return t.capitalised()
                        && TITLES.contains(t.folded())
                        && t.folded().length() > 3;
        }
    }

    private static boolean endsWith(List<Token> tokens, int i, String[] phrase) {
        if (i < phrase.length) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!tokens.get(i - phrase.length + k).folded().equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFirstName(Token t) {
        String f = t.folded();
        if (FIRST_NAMES.contains(f)) {
            return true;
        }
        if (f.indexOf('-') > 0) {
            for (String part : f.split("-")) {
                if (!FIRST_NAMES.contains(part)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean nextIsSurname(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i + 1);
        return next.gapIsSpace(text) && isNamePart(text, tokens, i + 1) && !AMBIGUOUS.contains(next.folded());
    }

    /** "Pierre, mon ex, ..." */
    private static boolean followedByRelation(String text, List<Token> tokens, int i) {
        if (i + 2 >= tokens.size() || !tokens.get(i + 1).gapBefore(text).contains(",")) {
            return false;
        }
        String determiner = tokens.get(i + 1).folded();
        return Set.of("mon", "ma", "son", "sa", "notre", "leur").contains(determiner)
                && RELATIONS.contains(tokens.get(i + 2).folded());
    }

    private static boolean isNamePart(String text, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (!t.hasLetter() || !t.capitalised() || CAPITAL_STOP.contains(t.folded()) || isTitleToken(text, t)) {
            return PARTICLES.contains(t.folded()) && t.capitalised() && followedByCapital(text, tokens, k);
        }
        if (PARTICLES.contains(t.folded())) {
            return followedByCapital(text, tokens, k);
        }
        return true;
    }

    private static boolean followedByCapital(String text, List<Token> tokens, int k) {
        if (k + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(k + 1);
        return next.gapIsSpace(text) && next.capitalised() && next.hasLetter() && !CAPITAL_STOP.contains(next.folded());
    }

    /**
     * Two or more capitalised words in a row that no cue or list announced ("Un témoin, Svetlana Ferreira, a tout vu")
     * are a name when the part-of-speech model tags each of them as a proper noun and together they are not the name
     * of a commune (the place of the facts: "Saint-Denis", "Le Mans").
     */
    private static void properNounRuns(String text, List<Token> tokens, boolean[] taken, List<int[]> names) {
        int taggedFrom = -1;
        List<ProperNouns.Tagged> tagged = List.of();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (taken[i]
                    || !t.capitalised()
                    || !t.hasLetter()
                    || CAPITAL_STOP.contains(t.folded())
                    || PARTICLES.contains(t.folded())
                    || isTitleToken(text, t)
                    || ACRONYMS.contains(t.folded())) {
                continue;
            }
            int end = extend(text, tokens, i);
            int words = 0;
            for (int k = i; k < end; k++) {
                if (taken[k]) {
                    end = k;
                    break;
                }
                if (!tokens.get(k).folded().chars().allMatch(Character::isLetter)
                        && tokens.get(k).folded().chars().anyMatch(Character::isDigit)) {
                    words = -MAX_TOKENS; // "Audi A3": a model, not a person
                }
                if (!PARTICLES.contains(tokens.get(k).folded()) && tokens.get(k).capitalised()) {
                    words++;
                }
            }
            if (words < 2 || NOT_PERSON_BEFORE.contains(t.folded()) || afterDeterminer(text, tokens, i)) {
                // "une Renault Master", "l'Assurance Maladie": a brand or an institution, not a person
                i = Math.max(i, end - 1);
                continue;
            }
            int start = t.start();
            int stop = tokens.get(end - 1).end();
            if (Communes.contains(text.substring(start, stop))) {
                i = end - 1;
                continue;
            }
            int sentenceStart = sentenceStart(text, start);
            if (sentenceStart != taggedFrom) {
                taggedFrom = sentenceStart;
                tagged = ProperNouns.tag(text, sentenceStart, sentenceEnd(text, stop));
            }
            if (allProperNouns(tokens, i, end, tagged)) {
                for (int k = i; k < end; k++) {
                    taken[k] = true;
                }
                names.add(new int[] {i, end});
            }
            i = end - 1;
        }
    }

    private static final Set<String> DETERMINERS = words(
            "le", "la", "l", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "sa", "son",
            "ses", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "leur", "leurs");

    private static boolean afterDeterminer(String text, List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        Token previous = tokens.get(i - 1);
        String gap = tokens.get(i).gapBefore(text);
        return previous.lowerCase()
                && DETERMINERS.contains(previous.folded())
                && (tokens.get(i).gapIsSpace(text) || isApostrophe(gap));
    }

    private static boolean allProperNouns(List<Token> tokens, int from, int to, List<ProperNouns.Tagged> tagged) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (PARTICLES.contains(t.folded()) || !t.capitalised()) {
                continue;
            }
            boolean proper = false;
            for (ProperNouns.Tagged w : tagged) {
                if (w.start() < t.end() && t.start() < w.end() && w.properNoun()) {
                    proper = true;
                    break;
                }
            }
            if (!proper) {
                return false;
            }
        }
        return true;
    }

    private static int sentenceStart(String text, int from) {
        for (int i = from - 1; i > 0; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** A surname in capitals, or one of its particles, right before the name starting at {@code i} ("LE ROUX Théo"). */
    private static boolean isCapitalsBefore(String text, List<Token> tokens, int i) {
        Token previous = tokens.get(i - 1);
        return tokens.get(i).gapIsSpace(text) && isCapitalsWord(text, previous);
    }

    private static boolean isCapitalsWord(String text, Token t) {
        String f = t.folded();
        return t.allCaps()
                && !ACRONYMS.contains(f)
                && !isTitleToken(text, t)
                && (CAPITAL_PARTICLES.contains(f) || !CAPITAL_STOP.contains(f) && !PARTICLES.contains(f));
    }

    /**
     * The shape of a name written the administrative way, without any list: a surname in capitals next to a
     * capitalised word ("Dmitri BOUCHER", "HADDAD Nour", "LE ROUX Théo").
     */
    private static boolean isCapitalsShape(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).gapIsSpace(text)) {
            return false;
        }
        Token t = tokens.get(i);
        Token next = tokens.get(i + 1);
        if (isCapitalsWord(text, t) && !CAPITAL_PARTICLES.contains(t.folded())) {
            return next.capitalised() && !next.allCaps() && isNamePart(text, tokens, i + 1);
        }
        if (!t.allCaps() && !PARTICLES.contains(t.folded())) {
            int k = i + 1;
            while (k < tokens.size() && tokens.get(k).gapIsSpace(text) && isCapitalsWord(text, tokens.get(k))) {
                if (!CAPITAL_PARTICLES.contains(tokens.get(k).folded())) {
                    return true;
                }
                k++;
            }
        }
        return false;
    }

    /**
     * Lower-case particles inside a name: "d'Almeida", "de Villepin", "du Plessis", "de la Salle". Returns how many
     * tokens they take with the capitalised word after them, or 0.
     */
    private static int lowerParticleRun(String text, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        String f = t.folded();
        int next = k + 1;
        if ((f.equals("van") || f.equals("von"))
                && next + 1 < tokens.size()
                && Set.of("der", "den", "de").contains(tokens.get(next).folded())
                && tokens.get(next).lowerCase()
                && tokens.get(next).gapIsSpace(text)
                && tokens.get(next + 1).gapIsSpace(text)
                && startsNamePart(tokens, next + 1)) {
            return 3; // "Van der Berg", "van den Bosch"
        }
        if (!t.lowerCase()) {
            return 0;
        }
        if (f.equals("d") || f.equals("l")) {
            return next < tokens.size()
                            && isApostrophe(tokens.get(next).gapBefore(text))
                            && startsNamePart(tokens, next)
                    ? 2
                    : 0;
        }
        if (!f.equals("de") && !f.equals("du")) {
            return 0;
        }
        if (f.equals("de")
                && next < tokens.size()
                && tokens.get(next).folded().equals("la")
                && tokens.get(next).lowerCase()
                && tokens.get(next).gapIsSpace(text)) {
            next++;
        }
        return next < tokens.size() && tokens.get(next).gapIsSpace(text) && startsNamePart(tokens, next)
                ? next - k + 1
                : 0;
    }

    private static boolean startsNamePart(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return t.capitalised()
                && t.hasLetter()
                && !CAPITAL_STOP.contains(t.folded())
                && !PARTICLES.contains(t.folded());
    }

    private static boolean isApostrophe(String gap) {
        return gap.equals("'") || gap.equals("’");
    }

    private static int extend(String text, List<Token> tokens, int start) {
        int lead = lowerParticleRun(text, tokens, start);
        int end = start + Math.max(1, lead);
        boolean lowerStart = lead == 0 && tokens.get(start).lowerCase();
        while (end < tokens.size() && end - start < MAX_TOKENS) {
            Token next = tokens.get(end);
            if (!next.gapIsSpace(text)) {
                break;
            }
            int particles = lowerParticleRun(text, tokens, end);
            if (particles == 3 && end - start + particles <= MAX_TOKENS) {
                end += particles;
            } else if (isNamePart(text, tokens, end)
                    || LOWER_PARTICLES.contains(next.folded()) && followedByCapital(text, tokens, end)) {
                end++;
            } else if (particles > 0 && end - start + particles <= MAX_TOKENS) {
                end += particles;
            } else if (lowerStart
                    && end == start + 1
                    && next.lowerCase()
                    && next.folded().length() > 2
                    && !STOPWORDS.contains(next.folded())
                    && !FIRST_NAMES.contains(next.folded())) {
                end++;
                break;
            } else {
                break;
            }
        }
        return end;
    }

    /** A name found once ("Maëlle Guérin") is a name wherever else it appears capitalised ("Mme Guérin"). */
    private static void propagate(String text, List<Token> tokens, boolean[] taken, List<int[]> names) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, Boolean> known = new HashMap<>();
        for (int[] name : names) {
            for (int k = name[0]; k < name[1]; k++) {
                String f = tokens.get(k).folded();
                if (f.length() > 2 && !PARTICLES.contains(f)) {
                    known.put(f, Boolean.TRUE);
                }
            }
        }
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (taken[i] || !t.capitalised() || !known.containsKey(t.folded())) {
                continue;
            }
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            if (previous != null && t.gapIsSpace(text) && NOT_PERSON_BEFORE.contains(previous.folded())) {
                continue;
            }
            if (AMBIGUOUS.contains(t.folded())
                    && previous != null
                    && ARTICLES.contains(previous.folded())
                    && !previous.folded().equals("de")) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size()
                    && !taken[end]
                    && end - i < MAX_TOKENS
                    && tokens.get(end).gapIsSpace(text)
                    && isNamePart(text, tokens, end)) {
                end++;
            }
            for (int k = i; k < end; k++) {
                taken[k] = true;
            }
            found.add(new int[] {i, end});
            i = end - 1;
        }
        names.addAll(found);
    }

    private static boolean isSentenceStart(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '(' && c != '-' && c != '—') {
                return c == '.' || c == '!' || c == '?' || c == '…' || c == ':';
            }
            if (c == '\n') {
                return true;
            }
        }
        return true;
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    private static Set<String> foldedLines(String resource) {
        Set<String> set = new HashSet<>();
        for (String line : Texts.resourceLines(resource)) {
            set.add(Texts.fold(line));
        }
        return Set.copyOf(set);
    }
}
