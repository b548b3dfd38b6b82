package fr.relais.orientation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Markdown subset rendered to HTML that cannot carry script: every character of the source is
 * escaped first, then only this class's own tags are added. Headings ({@code ##}, {@code ###}; a
 * single {@code #} counts as {@code ##}, the page's title being the only {@code h1}), paragraphs,
 * lists ({@code -} or {@code 1.}), {@code **strong**} and links whose target is {@code https:}, {@code
 * tel:}, {@code sms:} or another sheet ({@code fiche:<id>}); anything else stays text.
 */
public final class SafeMarkdown {
    private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^[-*]\\s+(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}[.)]\\s+(.+)$");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(.+?)\\*\\*");
    /** A link on escaped text: the target has no space, quote or angle bracket left (they are escaped). */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(((?:https://|tel:|sms:|fiche:)[^\\s()]+)\\)");

    private static final Pattern SHEET_ID = Pattern.compile("[a-z0-9-]{1,60}");

    private SafeMarkdown() {}

    /** A run of text: plain, strong, or a link (its target safe, see the class comment). */
    public record Span(String text, boolean strong, String href) {}

    /**
     * A block of a sheet, for screens that render it with their own escaping components: a heading
     * ({@code H2}, {@code H3}) or paragraph ({@code P}) has one item, a list ({@code UL}, {@code OL})
     * one per entry; an item is its spans.
     */
    public record Block(String kind, List<List<Span>> items) {}

    /** The blocks of a Markdown text. */
    public static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<List<Span>> items = null;
        String list = null;
        for (String raw : markdown.replace("\r", "").split("\n", -1)) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String item = bullet.matches() ? bullet.group(1) : numbered.matches() ? numbered.group(1) : null;
            String itemList = bullet.matches() ? "UL" : "OL";
            if ((line.isEmpty() || heading.matches() || item != null) && !paragraph.isEmpty()) {
                blocks.add(new Block("P", List.of(spans(String.join(" ", paragraph)))));
                paragraph.clear();
            }
            if (list != null && (item == null || !list.equals(itemList))) {
                blocks.add(new Block(list, List.copyOf(items)));
                list = null;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (heading.matches()) {
                blocks.add(new Block(heading.group(1).length() == 3 ? "H3" : "H2", List.of(spans(heading.group(2)))));
            } else if (item != null) {
                if (list == null) {
                    list = itemList;
                    items = new ArrayList<>();
                }
                items.add(spans(item));
            } else {
                paragraph.add(line);
            }
        }
        if (!paragraph.isEmpty()) {
            blocks.add(new Block("P", List.of(spans(String.join(" ", paragraph)))));
        }
        if (list != null) {
            blocks.add(new Block(list, List.copyOf(items)));
        }
        return List.copyOf(blocks);
    }

    private static final Pattern RAW_LINK =
            Pattern.compile("\\[([^\\]]+)]\\(((?:https://|tel:|sms:|fiche:)[^\\s()<>\"']+)\\)");

    /** The spans of a line of raw (unescaped) text: the screen escapes them. */
    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher link = RAW_LINK.matcher(text);
        int at = 0;
        while (link.find()) {
            strong(text.substring(at, link.start()), spans);
            String href = href(link.group(2));
            if (href == null) {
                strong(link.group(0), spans);
            } else {
                spans.add(new Span(link.group(1).replace("**", ""), false, href));
            }
            at = link.end();
        }
        strong(text.substring(at), spans);
        return List.copyOf(spans);
    }

    private static void strong(String text, List<Span> spans) {
        Matcher strong = STRONG.matcher(text);
        int at = 0;
        while (strong.find()) {
            if (strong.start() > at) {
                spans.add(new Span(text.substring(at, strong.start()), false, null));
            }
            spans.add(new Span(strong.group(1), true, null));
            at = strong.end();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), false, null));
        }
    }

    /** The target of a link as a page uses it; null when it is not one this subset allows. */
    private static String href(String target) {
        if (target.startsWith("fiche:")) {
            String id = target.substring("fiche:".length());
            return SHEET_ID.matcher(id).matches() ? "fiche.xhtml?id=" + id : null;
        }
        return target;
    }

    /** The HTML of a Markdown text. */
    public static String toHtml(String markdown) {
        var html = new StringBuilder(markdown.length() * 2);
        List<String> paragraph = new ArrayList<>();
        String list = null; // "ul" or "ol" while a list is open
        for (String raw : markdown.replace("\r", "").split("\n", -1)) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String item = bullet.matches() ? bullet.group(1) : numbered.matches() ? numbered.group(1) : null;
            String itemList = bullet.matches() ? "ul" : "ol";
            if (line.isEmpty() || heading.matches() || item != null) {
                flush(html, paragraph);
            }
            if (list != null && (item == null || !list.equals(itemList))) {
                html.append("</").append(list).append(">\n");
                list = null;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (heading.matches()) {
                int level = Math.max(2, heading.group(1).length());
                html.append("<h").append(level).append('>').append(inline(heading.group(2)));
                html.append("</h").append(level).append(">\n");
            } else if (item != null) {
                if (list == null) {
                    list = itemList;
                    html.append('<').append(list).append(">\n");
                }
                html.append("<li>").append(inline(item)).append("</li>\n");
            } else {
                paragraph.add(line);
            }
        }
        flush(html, paragraph);
        if (list != null) {
            html.append("</").append(list).append(">\n");
        }
        return html.toString();
    }

    /** The text of a Markdown text, without its markup: what a search reads. */
    public static String toText(String markdown) {
        return LINK.matcher(markdown.replace("**", ""))
                .replaceAll("$1")
                .replaceAll("(?m)^\\s*(#{1,3}|[-*]|\\d{1,2}[.)])\\s+", "");
    }

    private static void flush(StringBuilder html, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    private static String inline(String text) {
        String escaped = STRONG.matcher(escape(text)).replaceAll("<strong>$1</strong>");
        Matcher link = LINK.matcher(escaped);
        var out = new StringBuilder();
        while (link.find()) {
            String target = link.group(2);
            String tag;
            if (target.startsWith("fiche:")) {
                String id = target.substring("fiche:".length());
                tag = SHEET_ID.matcher(id).matches()
                        ? "<a href=\"fiche.xhtml?id=" + id + "\">" + link.group(1) + "</a>"
                        : link.group(0);
            } else if (target.startsWith("https://")) {
                tag = "<a href=\"" + target + "\" rel=\"noreferrer\">" + link.group(1) + "</a>";
            } else {
                tag = "<a href=\"" + target + "\">" + link.group(1) + "</a>";
            }
            link.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        link.appendTail(out);
        return out.toString();
    }

    /** Escapes the five characters that matter in HTML text and attributes. */
    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
