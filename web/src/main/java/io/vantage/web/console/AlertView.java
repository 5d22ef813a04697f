package io.vantage.web.console;

import io.vantage.UnknownIdException;
import io.vantage.alerts.AlertDesk;
import io.vantage.notifications.NotificationSetup;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.security.Caller;
import io.vantage.web.security.CurrentCaller;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alert page ({@code alert.xhtml?id=N}): one alert, its history and every notification sent about it with its
 * outcome. It redraws when a pushed change names this alert. An alert that is unknown or another organization's is
 * "not found" with HTTP 404, as on the node page.
 */
@Named
@ViewScoped
public class AlertView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentCaller callers;

    @Inject
    AlertDesk desk;

    @Inject
    AlertRows alerts;

    @Inject
    NotificationSetup notifications;

    private String id;
    private long alertId;
    private AlertRow alert;
    private List<HistoryRow> history = List.of();
    private List<NotificationRow> sent = List.of();

    /** Runs once per page load (f:viewAction), after the {@code id} parameter is set. */
    public void load() {
        alertId = parseId(id);
        reload();
        if (alert == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public void reload() {
        Caller caller = callers.caller();
        try {
            alert = alerts.row(caller, desk.get(caller, alertId));
            history = desk.history(caller, alertId).stream()
                    .map(entry -> new HistoryRow(entry, alert.metric()))
                    .toList();
            Map<Long, String> channels = notifications.channels(caller).stream()
                    .collect(Collectors.toMap(NotificationChannel::getId, NotificationChannel::getName));
            sent = desk.notifications(caller, alertId).stream()
                    .map(notice -> new NotificationRow(notice, channels.get(notice.getChannelId())))
                    .toList();
        } catch (UnknownIdException e) {
            alert = null;
        }
    }

    private static long parseId(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean isFound() {
        return alert != null;
    }

    public AlertRow getAlert() {
        return alert;
    }

    /** The alert's id, for the page's live hook: only changes of this alert redraw it. */
    public long getAlertId() {
        return alertId;
    }

    public List<HistoryRow> getHistory() {
        return history;
    }

    public List<NotificationRow> getNotifications() {
        return sent;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
