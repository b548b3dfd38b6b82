package fr.relais.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses request bodies over RELAIS_MAX_BODY_BYTES (256 KiB by default) before anything parses
 * them: by their declared length at once (413, JSON under {@code /api/}), and, for a body sent
 * without a length, by counting while JAX-RS reads it ({@link BodyTooLargeException}, answered 413
 * by the API's error mapper). Screens' forms sent without a length are read by Faces, not counted
 * here: Grizzly's {@code max-post-size-bytes} would bound them, but it answers with its own HTML 500
 * before this filter's 413, so it is left at Payara's default. WebSocket endpoints bound
 * their messages with {@code @OnMessage(maxMessageSize = WEBSOCKET_MAX_MESSAGE_BYTES)}.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class BodyLimitFilter extends HttpFilter {
    /** The largest WebSocket message an endpoint accepts (chat messages are short). */
    public static final long WEBSOCKET_MAX_MESSAGE_BYTES = 64 * 1024;

    @Inject
    SecuritySettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = settings.maxBodyBytes();
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setCharacterEncoding("UTF-8");
            if (api) {
                response.setContentType("application/json");
                response.getWriter()
                        .write("{\"error\":\"payload_too_large\",\"message\":\"Requête trop volumineuse (plus de "
                                + limit + " octets).\"}");
            } else {
                response.setContentType("text/html");
                response.getWriter()
                        .write("<!DOCTYPE html><html lang=\"fr\"><head><title>Requête trop volumineuse</title>"
                                + "</head><body><h1>Requête trop volumineuse</h1><p>Le formulaire envoyé dépasse "
                                + "la taille autorisée.</p></body></html>");
            }
            return;
        }
        if (api && request.getContentLengthLong() < 0) {
            chain.doFilter(new Bounded(request, limit), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A request whose body stream fails once past the limit. */
    static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    private void counted(int n) throws IOException {
                        count += n;
                        if (count > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
