package io.vantage.web.security;

import io.vantage.security.Authentication;
import io.vantage.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;

/** The signed-in caller of the current request, for resources and backing beans to pass to the services. */
@RequestScoped
public class CurrentCaller {

    static final String REQUEST_ATTRIBUTE = "vantage.caller";

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext security;

    @Inject
    Authentication authentication;

    /**
     * @throws NotAuthorizedException when nobody is signed in (the security constraints normally prevent that)
     */
    @Produces
    public Caller caller() {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Bearer realm=\"vantage\"");
        }
        return authentication.byUsername(principal.getName())
                .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"vantage\""));
    }
}
