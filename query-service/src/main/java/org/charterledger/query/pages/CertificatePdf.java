package org.charterledger.query.pages;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * A page rendered as PDF from the same template the browser shows (its print layout), with a font of its own that
 * holds the signs an arithmetic is written with (·, ≥, ≤, ≠) and Latin, Greek and Cyrillic names.
 */
@Component
class CertificatePdf {

    static final String FONT = "DejaVu Sans";
    private static final ClassPathResource FONT_FILE = new ClassPathResource("fonts/DejaVuSans.ttf");

    private final ITemplateEngine templates;

    CertificatePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH, model);
        context.setVariable("pdf", true);
        String html = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> open(), FONT);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.InputStream open() {
        try {
            return FONT_FILE.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
