package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Profile URLs of the networks citizens mention, "@handles", and handles announced by their network ("snap : x.y"). */
final class SocialHandleDetector implements Detector {

    private static final String NETWORKS =
            "facebook\\.com|fb\\.com|instagram\\.com|instagr\\.am|tiktok\\.com|twitter\\.com"
                    + "|x\\.com|snapchat\\.com|t\\.me|telegram\\.me|twitch\\.tv|youtube\\.com|youtu\\.be|linkedin\\.com"
                    + "|threads\\.net|onlyfans\\.com|discord\\.gg|discord\\.com|pinterest\\.com|reddit\\.com|vk\\.com"
                    + "|wa\\.me|bsky\\.app|mastodon\\.social";
    private static final Pattern URL =
            Pattern.compile("(?i)(?<![\\p{L}\\p{N}.\\-/@])(?:https?://)?(?:[a-z0-9\\-]+\\.)?(?:" + NETWORKS
                    + ")/[^\\s<>\"'«»()\\[\\]]+");
    private static final Pattern AT = Pattern.compile(
            "(?<![\\p{L}\\p{N}._@/\\-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?(?![A-Za-z0-9_@]|\\.[A-Za-z0-9_])");
    private static final String NETWORK_WORDS =
            "snap(?:chat)?|insta(?:gram)?|tik\\s?tok|twitter|telegram|discord|twitch"
                    + "|facebook|fb|youtube|threads|signal|whatsapp|kik";
    private static final Pattern CUED = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}./@])(?:(?:" + NETWORK_WORDS
            + ")|pseudo|compte|profil)(?![\\p{L}\\p{N}.])(?:\\s+(?:" + NETWORK_WORDS + ")(?![\\p{L}\\p{N}.]))?"
            + "\\s*(?:[:«\"(]\\s*)*([A-Za-z0-9_](?:[A-Za-z0-9_.\\-]*[A-Za-z0-9_])?)(?![A-Za-z0-9_@]|\\.[A-Za-z0-9_])");

    /**
     * A pseudonym shaped as handles are, without any cue: letters joined by dots or underscores to other letters and
     * digits ("petit.zoe2006", "mamadou_15"). A domain or a file name ("site.fr", "photo.jpg") ends with letters only
     * after its last dot, so the part after the last dot must hold a digit.
     */
    private static final Pattern SHAPED = Pattern.compile("(?<![\\p{L}\\p{N}._@/:\\-])"
            + "[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+(?![\\p{L}\\p{N}@]|[._\\-/][\\p{L}\\p{N}])");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.end();
            while (end > url.start() && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(new DetectedEntity(EntityType.SOCIAL_HANDLE, url.start(), end, text.substring(url.start(), end)));
        }
        if (text.indexOf('@') >= 0) {
            Matcher at = AT.matcher(text);
            while (at.find()) {
                if (at.end() - at.start() > 2) {
                    out.add(new DetectedEntity(EntityType.SOCIAL_HANDLE, at.start(), at.end(), at.group()));
                }
            }
        }
        int before = out.size();
        Matcher cued = CUED.matcher(text);
        int from = 0;
        while (from < text.length() && cued.find(from)) {
            String handle = cued.group(1);
            if (looksLikeHandle(handle)) {
                out.add(new DetectedEntity(EntityType.SOCIAL_HANDLE, cued.start(1), cued.end(1), handle));
                from = cued.end();
            } else {
                // "Snapchat (snap: x_y)": the rejected word may itself be the cue of the real handle
                from = cued.start(1);
            }
        }
        List<DetectedEntity> found = List.copyOf(out.subList(before, out.size()));
        Matcher shaped = SHAPED.matcher(text);
        while (shaped.find()) {
            DetectedEntity candidate =
                    new DetectedEntity(EntityType.SOCIAL_HANDLE, shaped.start(), shaped.end(), shaped.group());
            if (isShapedHandle(shaped.group()) && found.stream().noneMatch(candidate::overlaps)) {
                out.add(candidate);
            }
        }
    }

    private static boolean isShapedHandle(String s) {
        int letters = 0;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digit = true;
            }
        }
        String afterLastDot = s.substring(s.lastIndexOf('.') + 1);
        return digit && letters >= 3 && afterLastDot.chars().anyMatch(Character::isDigit);
    }

    /**
     * A bare word after "compte" is usually French ("compte bancaire"); handles have digits, dots or underscores, and
     * lower-case letters (an upper-case code such as "DE89" after "compte" starts an IBAN).
     */
    private static boolean looksLikeHandle(String s) {
        if (s.chars().noneMatch(Character::isLowerCase)) {
            return false;
        }
        boolean marked = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '.' || Character.isDigit(c)) {
                marked = true;
            }
        }
        return marked && s.length() >= 4 && !s.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
