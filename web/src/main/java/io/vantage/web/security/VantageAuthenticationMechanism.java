package io.vantage.web.security;

import io.vantage.security.Authentication;
import io.vantage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * How every request proves who it comes from. The API takes a bearer token (or, for scripts and the first token,
 * HTTP Basic with a username and password); the console signs in through its login page and keeps the user in the
 * HTTP session. Unauthenticated API calls get 401, unauthenticated console pages go to the login page.
 */
@ApplicationScoped
public class VantageAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Every signed-in caller has this role; the web.xml constraints require it. */
    public static final String ROLE = "user";
    static final String SESSION_USER = "vantage.user";
    static final String API_PATH = "/api/";

    @Inject
    Authentication authentication;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            Optional<Caller> caller = fromHeader(header);
            return caller.isPresent() ? admit(caller.get(), request, context) : refuse(response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            Optional<Caller> caller = authentication.withPassword(login.getCaller(), login.getPasswordAsString());
            if (caller.isEmpty()) {
                // the login page reports the failure itself; an error page here would break its response
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true).setAttribute(SESSION_USER, caller.get().username());
            return admit(caller.get(), request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String username) {
            Optional<Caller> caller = authentication.byUsername(username);
            if (caller.isPresent()) {
                return admit(caller.get(), request, context);
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return refuse(response, context);
        }
        return context.redirect(request.getContextPath() + "/login.xhtml");
    }

    private Optional<Caller> fromHeader(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authentication.withToken(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    return authentication.withPassword(pair.substring(0, colon), pair.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static AuthenticationStatus admit(Caller caller, HttpServletRequest request, HttpMessageContext context) {
        request.setAttribute(CurrentCaller.REQUEST_ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(caller.username(), Set.of(ROLE, caller.role().name()));
    }

    /** 401 with a JSON body like every other API error, so clients need to parse one shape. */
    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"vantage\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\",\"message\":"
                    + "\"send a valid API token as 'Authorization: Bearer <token>' (or Basic credentials)\"}");
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH);
    }
}
