package fr.relais.orientation.control;

/**
 * A practical sheet of the public portal (fiche pratique): its stable id, its title, its text in the
 * Markdown subset of {@link SafeMarkdown} and that text rendered, safe to show as HTML.
 *
 * @param summary the first paragraph as plain text, for lists
 */
public record Sheet(String id, String title, String summary, String markdown, String html) {}
