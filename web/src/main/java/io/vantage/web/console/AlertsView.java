package io.vantage.web.console;

import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.alerts.AlertDesk;
import io.vantage.persistence.alerts.Severity;
import io.vantage.security.Caller;
import io.vantage.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The alerts page ({@code alerts.xhtml}): the organization's alerts, current problems first, filtered by severity
 * and acknowledgement, and acknowledging a problem with a note. The list is read again when a pushed alert change
 * arrives (live-alerts.js calls {@link #reload()}), never on a timer.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most alerts the page lists; the newest changes come first from the store. */
    static final int LIMIT = 200;
    static final String DIALOG = "ackForm:ackMessages";

    @Inject
    CurrentCaller callers;

    @Inject
    AlertRows alerts;

    @Inject
    AlertDesk desk;

    private Severity severity;
    private Boolean acknowledged;
    private List<AlertRow> rows = List.of();
    private AlertRow acknowledging;
    private String note;

    @PostConstruct
    void init() {
        reload();
    }

    public void reload() {
        rows = alerts.list(callers.caller(), severity, null, acknowledged, LIMIT);
    }

    /** Opens the acknowledgement of the alert whose id the row's button sent. */
    public void startAcknowledging() {
        long alertId = ConsoleFaces.idParameter("alertId");
        note = null;
        try {
            Caller caller = callers.caller();
            acknowledging = alerts.row(caller, desk.get(caller, alertId));
        } catch (UnknownIdException e) {
            acknowledging = null;
        }
    }

    public void acknowledge() {
        if (acknowledging == null) {
            return;
        }
        Caller caller = callers.caller();
        try {
            desk.acknowledge(caller, acknowledging.getId(), note == null || note.isBlank() ? null : note.strip());
            ConsoleLog.alertAcknowledged(caller.username(), acknowledging.getId());
            PrimeFaces.current().ajax().addCallbackParam("acknowledged", true);
            reload();
        } catch (InvalidInputException | UnknownIdException e) {
            // an alert that recovered meanwhile has nothing to acknowledge: the service says so
            ConsoleFaces.error(DIALOG, e.getMessage());
        }
    }

    public List<AlertRow> getRows() {
        return rows;
    }

    /** Whether the list stops at {@link #LIMIT}: older alerts exist beyond it. */
    public boolean isLimited() {
        return rows.size() >= LIMIT;
    }

    public AlertRow getAcknowledging() {
        return acknowledging;
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    /** The least severity listed; null lists every alert, OK ones last. */
    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    /** True or false to list only (un)acknowledged alerts; null for both. */
    public Boolean getAcknowledged() {
        return acknowledged;
    }

    public void setAcknowledged(Boolean acknowledged) {
        this.acknowledged = acknowledged;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
