package fr.relais.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesPerRfc4180AndEndsLinesWithCrlf() {
        String file =
                Csv.comma().row("a", "b,c", "say \"hi\"", "two\nlines", null, 3).toString();
        assertThat(file).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,3\r\n");
    }

    @Test
    void makesEveryFormulaInert() {
        assertThat(Csv.comma()
                        .row("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "ok")
                        .toString())
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",ok\r\n");
    }

    @Test
    void theSeparatorIsQuotedAndOtherSeparatorsAreNot() {
        assertThat(Csv.semicolon().row("a;b", "c,d").toString()).isEqualTo("\"a;b\";c,d\r\n");
    }

    @Test
    void readsBackWhatItWrote() {
        String line = Csv.semicolon()
                .row("x", "a;b", "+33 1 23", "say \"hi\"", "", "'plain")
                .toString()
                .stripTrailing();
        assertThat(Csv.parse(line, ';')).containsExactly("x", "a;b", "+33 1 23", "say \"hi\"", "", "'plain");
    }
}
