package io.vantage.web.console;

import io.vantage.events.AlertChanged;
import io.vantage.events.EventMessages;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.Json;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Tells the console's open alert views that an alert changed: every {@code AlertChanged} on the alerts topic goes,
 * as {@code {"alertId": N, "alertEventId": M}}, to the open pages of its organization through the Faces websocket
 * channel {@value #CHANNEL}. The pages then redraw their alert panels (live-alerts.js); the message itself carries
 * no alert data, so what a page shows is always read through the services with the viewer's own rights.
 * <p>
 * The subscription is non-durable (fan-out): each server instance gets every change for its own websockets, and a
 * change made while it is down is simply seen on the next page load. Nothing here is transactional or redelivered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/vantage.alerts"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        // negative organizations are the event framework's probes, which no page ever shows
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = "eventType = 'AlertChanged' AND organizationId > 0"),
        // one session keeps changes in order; a push is a few hundred bytes
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveAlertsFeeder implements MessageListener {

    /** The websocket channel of the pages that show alerts, keyed by organization id like the live channel. */
    static final String CHANNEL = "alerts";

    @Inject
    @Push(channel = CHANNEL)
    PushContext alerts;

    @Override
    public void onMessage(Message message) {
        AlertChanged change;
        try {
            change = EventMessages.read(message, AlertChanged.class);
        } catch (IllegalArgumentException e) {
            ConsoleLog.undecodableAlertChange(EventMessages.id(message), e.getMessage());
            return;
        }
        String json = Json.createObjectBuilder()
                .add("alertId", change.alertId())
                .add("alertEventId", change.alertEventId())
                .build().toString();
        try {
            // the organization is the websocket "user": only that organization's pages hear of the change
            Set<Future<Void>> sent = alerts.send(json, Long.valueOf(change.organizationId()));
            ConsoleLog.alertPushed(change.organizationId(), change.alertId(), sent.size());
        } catch (RuntimeException e) {
            ConsoleLog.alertPushFailed(change.organizationId(), change.alertId(), e);
        }
    }
}
