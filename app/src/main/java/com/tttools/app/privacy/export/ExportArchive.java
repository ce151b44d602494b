package com.tttools.app.privacy.export;

import com.tttools.app.privacy.PersonalDataExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import com.tttools.app.shared.CsvCells;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export as a ZIP: {@code data.json} (everything), one {@code <section>.csv} per section (RFC 4180 through {@link CsvCells}:
 * text that a spreadsheet would run as a formula gets an apostrophe) and a short {@code README.txt}.
 */
@Component
public class ExportArchive {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String json(PersonalDataExport export) {
        return JSON.writeValueAsString(export);
    }

    public byte[] zip(PersonalDataExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(export).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json(export).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, List<Map<String, Object>>> section : export.sections().entrySet()) {
                zip.putNextEntry(new ZipEntry(section.getKey() + ".csv"));
                Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                writeCsv(section.getValue(), out);
                out.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeCsv(List<Map<String, Object>> rows, Writer out) throws IOException {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(row -> header.addAll(row.keySet()));
        out.write(String.join(",", header.stream().map(CsvCells::text).toList()));
        out.write("\r\n");
        for (Map<String, Object> row : rows) {
            out.write(String.join(",", header.stream().map(column -> cell(row.get(column))).toList()));
            out.write("\r\n");
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return CsvCells.text(value.toString());
    }

    private static String readme(PersonalDataExport export) {
        return """
                TTtools data export (%s), made at %s.

                data.json holds everything; each .csv file holds one section of it as a table:
                %s
                Times are UTC (ISO 8601). Secrets (password hashes, access token hashes, session ids, two-factor
                secrets) are never exported. The download link works for 24 hours after the export was made.
                """.formatted(export.format(), export.exportedAt(),
                String.join("\n", export.sections().keySet().stream().map(s -> "  " + s + ".csv").toList()) + "\n");
    }
}
