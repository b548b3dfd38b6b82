package fr.relais.orientation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped sheets (web module's resources) and their rendering. */
class SheetLibraryTest {
    static final Path FOLDER = Path.of("../ejb/src/main/resources", SheetLibrary.FOLDER, "sheets");
    static final SheetLibrary library =
            SheetLibrary.read(path -> SheetLibraryTest.class.getClassLoader().getResourceAsStream(path));

    @Test
    void everyIdHasATextAndEveryTextAnId() throws IOException {
        Set<String> ids = library.all().stream().map(Sheet::id).collect(Collectors.toSet());
        Set<String> texts;
        try (Stream<Path> files = Files.list(FOLDER)) {
            texts = files.map(f -> f.getFileName().toString())
                    .peek(name -> assertThat(name).endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - ".md".length()))
                    .collect(Collectors.toSet());
        }
        assertThat(texts).isEqualTo(ids);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void everySheetHasBetween250And600WordsAndLinksOnlyToSheetsThatExist() {
        Pattern sheetLink = Pattern.compile("\\(fiche:([^)]+)\\)");
        for (Sheet s : library.all()) {
            int words = s.markdown().split("\\s+").length;
            assertThat(words).as(s.id()).isBetween(250, 600);
            assertThat(s.summary()).as(s.id()).isNotBlank();
            Matcher m = sheetLink.matcher(s.markdown());
            while (m.find()) {
                assertThat(library.byId(m.group(1)))
                        .as(s.id() + " links to " + m.group(1))
                        .isPresent();
            }
        }
    }

    @Test
    void theSearchIgnoresAccentsAndCaseAndNeedsEveryWord() {
        assertThat(library.search("cambriolage")).extracting(Sheet::id).startsWith("apres-un-cambriolage");
        assertThat(library.search("harcelement"))
                .extracting(Sheet::id)
                .contains("harcelement-de-rue", "cyberharcelement")
                .first()
                .isEqualTo("harcelement-de-rue");
        assertThat(library.search("HARCÈLEMENT rue")).extracting(Sheet::id).contains("harcelement-de-rue");
        assertThat(library.search("carte bancaire"))
                .extracting(Sheet::id)
                .first()
                .isEqualTo("fraude-carte-bancaire");
        assertThat(library.search("xylophone")).isEmpty();
        assertThat(library.search("  ")).hasSize(library.size());
        assertThat(library.search("<script>")).extracting(Sheet::id).doesNotContain("nothing");
    }

    @Test
    void theMarkdownIsEscapedAndOnlySafeLinksBecomeLinks() {
        String html = SafeMarkdown.toHtml("## Titre <b>\n\nTexte <script>alert(1)</script> **gras** "
                + "[ici](javascript:alert(1)) [là](https://example.org/a?b=1&c=2) [q](https://x.org/\"onmouseover=)"
                + " [fiche](fiche:porter-plainte)"
                + " [mauvaise](fiche:../x)\n\n- un <img src=x onerror=alert(1)>\n- deux");
        assertThat(html)
                .contains("<h2>Titre &lt;b&gt;</h2>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<strong>gras</strong>")
                .contains("[ici](javascript:alert(1))")
                .doesNotContain("href=\"javascript")
                .contains("<a href=\"fiche.xhtml?id=porter-plainte\">fiche</a>")
                .contains("[mauvaise](fiche:../x)")
                .contains("<li>un &lt;img src=x onerror=alert(1)&gt;</li>")
                .doesNotContain("<script", "<img");
        assertThat(html)
                .contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noreferrer\">là</a>")
                .contains("[q](https://x.org/&quot;onmouseover=)");
    }

    @Test
    void theBlocksKeepTheTextRawForTheScreenToEscape() {
        List<SafeMarkdown.Block> blocks = SafeMarkdown.blocks(
                "# Un\n\nDu **gras** et [un lien](https://www.service-public.fr).\n\n1. a\n2. [x](javascript:y)\n");
        assertThat(blocks).extracting(SafeMarkdown.Block::kind).containsExactly("H2", "P", "OL");
        assertThat(blocks.get(1).items().get(0))
                .containsExactly(
                        new SafeMarkdown.Span("Du ", false, null),
                        new SafeMarkdown.Span("gras", true, null),
                        new SafeMarkdown.Span(" et ", false, null),
                        new SafeMarkdown.Span("un lien", false, "https://www.service-public.fr"),
                        new SafeMarkdown.Span(".", false, null));
        assertThat(blocks.get(2).items().get(1))
                .containsExactly(new SafeMarkdown.Span("[x](javascript:y)", false, null));
    }

    @Test
    void aMissingTextRefusesTheLot() {
        Map<String, String> files =
                Map.of(SheetLibrary.INDEX, "a\tUne fiche\nb\tUne autre\n", "fr/relais/portal/sheets/a.md", "Texte.");
        assertThatThrownBy(() -> SheetLibrary.read(path -> files.containsKey(path)
                        ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8))
                        : null))
                .hasMessageContaining("sheets/b.md");
    }
}
