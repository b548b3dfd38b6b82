package fr.relais.anonymisation.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class IpAddressDetector implements Detector {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 =
            Pattern.compile("(?<![\\p{L}\\p{N}.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\p{L}\\p{N}]|\\.\\d)");
    private static final Pattern V6 =
            Pattern.compile("(?<![\\p{L}\\p{N}:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\p{L}\\p{N}:])");
    /** "version 10.4.2.1", "v1.2.3.4": software versions look exactly like IPv4 addresses. */
    private static final Pattern VERSION_BEFORE = Pattern.compile("(?i)(?:version|vers\\.|v)\\s*$");

    @Override
    public void detect(String text, ReporterIdentity reporter, List<DetectedEntity> out) {
        if (text.indexOf('.') >= 0) {
            Matcher m = V4.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 10);
                if (!VERSION_BEFORE.matcher(text.substring(from, m.start())).find()) {
                    out.add(new DetectedEntity(EntityType.IP_ADDRESS, m.start(), m.end(), m.group()));
                }
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher m = V6.matcher(text);
            while (m.find()) {
                if (isIpv6(m.group())) {
                    out.add(new DetectedEntity(EntityType.IP_ADDRESS, m.start(), m.end(), m.group()));
                }
            }
        }
    }

    static boolean isIpv6(String s) {
        int doubleColon = s.indexOf("::");
        int groups;
        boolean[] letterOrLong = new boolean[1];
        if (doubleColon < 0) {
            groups = countGroups(s, letterOrLong);
            if (groups != 8) {
                return false;
            }
        } else {
            if (s.indexOf("::", doubleColon + 1) >= 0) {
                return false;
            }
            int left = countGroups(s.substring(0, doubleColon), letterOrLong);
            int right = countGroups(s.substring(doubleColon + 2), letterOrLong);
            if (left < 0 || right < 0 || left + right > 7 || left + right < 2) {
                return false;
            }
        }
        // "10:15:00"-like times and "1:2::3" counters are not addresses: ask for a hex letter or a long group
        return letterOrLong[0];
    }

    /** Groups of 1 to 4 hex digits separated by single colons; -1 when malformed, 0 for an empty side of "::". */
    private static int countGroups(String side, boolean[] letterOrLong) {
        if (side.isEmpty()) {
            return 0;
        }
        String[] groups = side.split(":", -1);
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4) {
                return -1;
            }
            if (g.length() > 2 || !g.chars().allMatch(Character::isDigit)) {
                letterOrLong[0] = true;
            }
        }
        return groups.length;
    }
}
