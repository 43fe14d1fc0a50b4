package org.fld4j.cli.report;

import java.util.List;
import org.fld4j.cli.common.Version;

/**
 * A self-contained HTML page built piece by piece: inline CSS, no scripts, no external addresses; images are
 * relative links to files beside the page. Every text given is escaped.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;\
            color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}
            h3{font-size:1.1em;margin-top:1.5em}
            table{border-collapse:collapse;margin:.8em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f2f2f2}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.2em 0}figure img{max-width:100%;border:1px solid #ddd}
            figcaption{font-size:.92em;color:#444;margin-top:.4em;max-width:60em}
            .lead{color:#555}.note{font-size:.9em;color:#555}footer{margin-top:3em;font-size:.85em;color:#777}
            """;

    private final StringBuilder body = new StringBuilder();

    /** {@code <hN>}. */
    Html heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A paragraph. */
    Html paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph in the muted style of notes. */
    Html note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** An image file beside the page, with a caption that says how to read it. */
    Html figure(String file, String alt, String howToRead) {
        body.append("<figure><img src=\"").append(escape(file)).append("\" alt=\"").append(escape(alt))
                .append("\"><figcaption>").append(escape(howToRead)).append("</figcaption></figure>\n");
        return this;
    }

    /** A table; cells that are numbers are right-aligned. */
    Html table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append(ReportText.isNumeric(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** The whole page. */
    String page(String title, String lead) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + "<p class=\"lead\">" + escape(lead) + "</p>\n" + body + "<footer>Written by fld4j "
                + escape(Version.fld4j()) + ".</footer>\n</body>\n</html>\n";
    }

    /** Text made safe for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
