package org.jiaokan.serve.oai;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers OAI-PMH requests at {@code /oai} for {@link org.jiaokan.serve.SiteServer}: GET with the
 * arguments in the query, POST with them form-encoded in the body (at most {@link #MAX_BODY} bytes and
 * {@link #MAX_FIELDS} fields), as {@code text/xml; charset=UTF-8}. Arguments that cannot be read (bad
 * percent-encoding, too large a body) give a {@code badArgument} answer, never an error page.
 */
public final class OaiHandler extends Handler.Abstract {

    public static final String PATH = "/oai";
    /** The largest form body read. */
    public static final int MAX_BODY = 64 * 1024;
    /** The most form fields read. */
    public static final int MAX_FIELDS = 64;
    /**
     * The most of a refused body read and thrown away before the answer: a connection closed with bytes of the
     * request still unread is reset, and the client may lose the answer; a larger body's connection is closed.
     */
    static final int MAX_DRAINED = 1024 * 1024;

    private final OaiEndpoint endpoint;

    public OaiHandler(OaiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) return false;
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!"GET".equals(method) && !"POST".equals(method) && !head) {
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
            response.write(true, null, callback);
            return true;
        }
        byte[] body;
        Map<String, List<String>> args = new LinkedHashMap<>();
        String unreadable = null;
        try {
            add(args, Request.extractQueryParameters(request, StandardCharsets.UTF_8));
            if ("POST".equals(method)) {
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                String mime = type == null ? "" : MimeTypes.getContentTypeWithoutCharset(type).trim();
                if (mime.equalsIgnoreCase("application/x-www-form-urlencoded")) {
                    long length = request.getLength();
                    if (length > MAX_BODY) throw new IllegalArgumentException("the request body is larger than " + MAX_BODY + " bytes");
                    add(args, FormFields.getFields(request, MAX_FIELDS, MAX_BODY));
                } else if (request.getLength() != 0) {
                    unreadable = "a POST request's arguments must be sent as application/x-www-form-urlencoded";
                }
            }
        } catch (Exception e) {
            unreadable = "the request's arguments cannot be read (too many or too long, or badly encoded)";
            if ("POST".equals(method) && !drain(request)) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        try {
            body = unreadable != null ? endpoint.badArgument(unreadable) : endpoint.respond(args);
        } catch (RuntimeException | java.io.IOException e) {
            // A record file that went bad after the catalogue was read: one line, no trace.
            byte[] text = ("OAI-PMH repository error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR_500);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
            response.write(true, head ? null : ByteBuffer.wrap(text), callback);
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Reads what is left of a refused body, up to {@link #MAX_DRAINED} bytes; whether it was all read. */
    private static boolean drain(Request request) {
        try {
            java.io.InputStream in = org.eclipse.jetty.io.Content.Source.asInputStream(request);
            byte[] buffer = new byte[8192];
            long left = MAX_DRAINED;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) return true;
                left -= n;
            }
            return in.read() < 0;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static void add(Map<String, List<String>> args, Fields fields) {
        for (Fields.Field f : fields) args.computeIfAbsent(f.getName(), k -> new ArrayList<>()).addAll(f.getValues());
    }
}
