package io.vantage.web.console;

import io.vantage.ConflictException;
import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.inventory.NodeCatalog;
import io.vantage.inventory.NodeSummary;
import io.vantage.inventory.query.InvalidNodeQueryException;
import io.vantage.monitors.MonitorCatalog;
import io.vantage.notifications.NotificationSetup;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.security.Caller;
import io.vantage.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitors page ({@code monitors.xhtml}): the organization's monitors, a form to create one with a preview of
 * the nodes its query selects now, and deleting with a confirmation. How many nodes a monitor applies to is the
 * monitor applier's work, done a moment after a change; the list shows its latest answer whenever it is drawn.
 */
@Named
@ViewScoped
public class MonitorsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's messages, shown beside it. */
    static final String FORM = "monitorForm:messages";

    @Inject
    CurrentCaller callers;

    @Inject
    MonitorCatalog monitors;

    @Inject
    NodeCatalog nodes;

    @Inject
    NotificationSetup notifications;

    private MonitorForm form = new MonitorForm();
    private QueryPreview preview;
    private List<MonitorRow> rows = List.of();
    /** Plan names by id, in the order the select offers them. */
    private Map<Long, String> plans = Map.of();

    @PostConstruct
    void init() {
        reload();
    }

    public void reload() {
        Caller caller = callers.caller();
        Map<Long, String> names = new LinkedHashMap<>();
        for (NotificationPlan plan : notifications.plans(caller)) {
            names.put(plan.getId(), plan.getName());
        }
        plans = names;
        // the plan's id is read from its reference alone: the plan itself is not loaded outside the service
        Map<Long, Long> targetCounts = monitors.targetCounts(caller);
        rows = monitors.list(caller).stream()
                .map(m -> MonitorRow.of(m, m.getPlan() == null ? null : names.get(m.getPlan().getId()),
                        targetCounts.getOrDefault(m.getId(), 0L).intValue()))
                .toList();
    }

    public void preview() {
        String query = form.getNodeQuery() == null ? "" : form.getNodeQuery();
        try {
            List<String> found = nodes.search(callers.caller(), query, QueryPreview.SHOWN + 1).stream()
                    .map(NodeSummary::name).toList();
            preview = QueryPreview.found(query, found);
        } catch (InvalidInputException e) {
            int column = e.getCause() instanceof InvalidNodeQueryException parse ? parse.column() : 0;
            preview = QueryPreview.refused(query, e.getMessage(), column);
        }
    }

    public void create() {
        Caller caller = callers.caller();
        try {
            Monitor created = monitors.create(caller, form.definition());
            ConsoleLog.monitorCreated(caller.username(), created.getId(), created.getName());
            ConsoleFaces.info(FORM, "Monitor '" + created.getName() + "' created; it applies to the nodes its "
                    + "query selects in a moment.");
            form = new MonitorForm();
            preview = null;
            reload();
        } catch (InvalidInputException | ConflictException e) {
            // the catalog's words, so the console refuses what the API refuses with the same message
            ConsoleFaces.error(FORM, e.getMessage());
        }
    }

    /** Deletes the monitor whose id the row's button sent; the page asked for confirmation first. */
    public void delete() {
        Caller caller = callers.caller();
        long monitorId = ConsoleFaces.idParameter("monitorId");
        try {
            monitors.delete(caller, monitorId);
            ConsoleLog.monitorDeleted(caller.username(), monitorId);
            ConsoleFaces.info(null, "Monitor deleted; its open alerts are resolved and its history is kept.");
        } catch (UnknownIdException e) {
            ConsoleFaces.error(null, "That monitor no longer exists.");
        }
        reload();
    }

    public MonitorForm getForm() {
        return form;
    }

    public QueryPreview getPreview() {
        return preview;
    }

    public List<MonitorRow> getRows() {
        return rows;
    }

    /** The plans a monitor can use, names by id. */
    public Map<Long, String> getPlans() {
        return plans;
    }
}
