package io.vantage.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * What the console's backing beans need from Faces: messages shown beside a form (the services' own words for what
 * went wrong or happened) and the ids that row actions send as {@code <f:param>}.
 */
final class ConsoleFaces {

    private ConsoleFaces() {
    }

    /** @param clientId the component the message belongs to, or null for the page's general messages */
    static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    static void info(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_INFO, text);
    }

    /** The request parameter an action's {@code <f:param>} sent, as an id; 0 when it is missing or not a number. */
    static long idParameter(String name) {
        String text = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        // the summary alone: p:messages shows it once, and the services' messages are whole sentences already
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
