package io.vantage.web.console;

import io.vantage.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The signed-in user as every console page shows it: the name in the header, the organization that scopes the live
 * channel, and signing out.
 */
@Named("account")
@RequestScoped
public class ConsoleAccount {

    @Inject
    Caller caller;

    @Inject
    FacesContext faces;

    public String getUsername() {
        return caller.username();
    }

    /**
     * The {@code user} of the pages' {@code <f:websocket>}: the push feeder sends each organization's samples to this
     * key only, so a page never receives another organization's data. A {@link Long}, as the push API needs a
     * serializable key.
     */
    public Long getOrganizationId() {
        return caller.organizationId();
    }

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        String username = caller.username();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (ServletException e) {
            // invalidating the session below signs the user out regardless: the mechanism keeps the user there
        }
        external.invalidateSession();
        ConsoleLog.signedOut(username);
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        faces.responseComplete();
    }
}
