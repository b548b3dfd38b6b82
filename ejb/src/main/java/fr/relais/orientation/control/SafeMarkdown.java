package fr.relais.orientation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Markdown subset that cannot carry script: parsed into blocks and spans of raw text, which
 * a screen writes with its own escaping components, or which {@link #toHtml} writes escaped with
 * only this class's own tags. Headings ({@code ##}, {@code ###}; a
 * single {@code #} counts as {@code ##}, the page's title being the only {@code h1}), paragraphs,
 * lists ({@code -} or {@code 1.}), {@code **strong**} and links whose target is {@code https:}, {@code
 * tel:}, {@code sms:} or another sheet ({@code fiche:<id>}); anything else stays text.
 */
public final class SafeMarkdown {
    private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^[-*]\\s+(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}[.)]\\s+(.+)$");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(.+?)\\*\\*");
    /** A link: its target has no space, parenthesis, angle bracket or quote. */
    private static final Pattern RAW_LINK =
            Pattern.compile("\\[([^\\]]+)]\\(((?:https://|tel:|sms:|fiche:)[^\\s()<>\"']+)\\)");

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

    /** The HTML of a Markdown text: its blocks, every character of their text escaped. */
    public static String toHtml(String markdown) {
        var html = new StringBuilder(markdown.length() * 2);
        for (Block block : blocks(markdown)) {
            switch (block.kind()) {
                case "UL", "OL" -> {
                    String tag = block.kind().toLowerCase(java.util.Locale.ROOT);
                    html.append('<').append(tag).append(">\n");
                    for (List<Span> item : block.items()) {
                        html.append("<li>").append(inline(item)).append("</li>\n");
                    }
                    html.append("</").append(tag).append(">\n");
                }
                default -> {
                    String tag = block.kind().toLowerCase(java.util.Locale.ROOT);
                    html.append('<')
                            .append(tag)
                            .append('>')
                            .append(inline(block.items().get(0)));
                    html.append("</").append(tag).append(">\n");
                }
            }
        }
        return html.toString();
    }

    /** The text of a Markdown text, without its markup: what a search reads. */
    public static String toText(String markdown) {
        return RAW_LINK.matcher(markdown.replace("**", ""))
                .replaceAll("$1")
                .replaceAll("(?m)^\\s*(#{1,3}|[-*]|\\d{1,2}[.)])\\s+", "");
    }

    private static String inline(List<Span> spans) {
        var out = new StringBuilder();
        for (Span span : spans) {
            String text = escape(span.text());
            if (span.href() != null) {
                out.append("<a href=\"").append(escape(span.href())).append('"');
                if (span.href().startsWith("https://")) {
                    out.append(" rel=\"noreferrer\"");
                }
                out.append('>').append(text).append("</a>");
            } else if (span.strong()) {
                out.append("<strong>").append(text).append("</strong>");
            } else {
                out.append(text);
            }
        }
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
