package org.charterledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.charterledger.events.LedgerBounds;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Bounds a request before anything reads it: a body of at most {@link #MAX_BODY_BYTES} (413), in UTF-8 only
 * (another declared charset 415, other bytes 400; JSON is UTF-8, and a UTF-16 body would otherwise be sniffed and
 * read), and query parameters free of control characters (400 naming the parameter).
 */
public class RequestLimits extends OncePerRequestFilter {

    /** Far more than any command needs: an attendance of every party is a few kilobytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;

    public RequestLimits(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    String refused = refusedText(parameter.getKey() + value);
                    if (refused != null) {
                        ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST, "invalid-request", "the parameter '"
                                + printable(parameter.getKey()) + "' " + refused, printable(parameter.getKey()),
                                "no-control-characters");
                        return;
                    }
                }
            }
        }
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        if (!declaresUtf8(request.getContentType())) {
            ProblemResponses.write(json, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "the body must be JSON in UTF-8 (Content-Type: application/json)", "Content-Type", "utf-8-only");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        if (!isUtf8Text(body)) {
            ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST, "malformed-request",
                    "the body is not UTF-8 text", null, "utf-8-only");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                "the body is larger than " + MAX_BODY_BYTES + " bytes", null, "max-body-size");
    }

    /** No charset, or UTF-8: the only encoding of JSON between systems (RFC 8259). */
    private static boolean declaresUtf8(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null || StandardCharsets.UTF_8.equals(charset);
        } catch (InvalidMediaTypeException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }

    /** Well-formed UTF-8 without NUL bytes (which JSON text never holds, and UTF-16 always does). */
    private static boolean isUtf8Text(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String refusedText(String text) {
        try {
            LedgerBounds.text(text);
            return null;
        } catch (LedgerBounds.OutOfBounds e) {
            return e.getMessage();
        }
    }

    private static String printable(String name) {
        return name.codePoints().filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The request with its body read once and handed on from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
