package io.vantage.web.console;

import io.vantage.web.security.VantageAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in page. It hands the username and password to Jakarta Security, whose authentication mechanism checks
 * them and keeps the signed-in user in the HTTP session; the page only reports the outcome.
 */
@Named
@RequestScoped
public class LoginView {

    static final String FAILED = "Wrong username or password";

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    /** Someone already signed in who opens the sign-in page goes straight to the console. */
    public void redirectIfSignedIn() throws IOException {
        // the role, not the principal: unauthenticated requests have an anonymous principal on WildFly
        if (security.isCallerInRole(VantageAuthenticationMechanism.ROLE)) {
            redirectTo("/index.xhtml");
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS:
                // a new session id for the signed-in session: an id planted before sign-in (fixation) is worth nothing
                ((HttpServletRequest) external.getRequest()).changeSessionId();
                ConsoleLog.signedIn(username);
                redirectTo("/index.xhtml");
                break;
            case SEND_CONTINUE:
                // the mechanism has written the response itself (a redirect or a challenge)
                faces.responseComplete();
                break;
            default:
                ConsoleLog.signInRefused(username);
                // never say which of the two was wrong: that would confirm usernames to a guesser
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, FAILED, null));
                password = null;
                break;
        }
    }

    private void redirectTo(String page) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
        faces.responseComplete();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
