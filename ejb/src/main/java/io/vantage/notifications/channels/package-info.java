/**
 * The channels that tell people about alerts: e-mail through the server's mail session and webhooks over HTTP.
 *
 * <p>An {@link io.vantage.notifications.channels.AlertNotice} says what happened; a channel delivers it once and
 * reports a {@link io.vantage.notifications.channels.DeliveryResult} instead of throwing, so the caller decides,
 * with a {@link io.vantage.notifications.channels.RetrySchedule}, whether and when to try again. Channels hold no
 * state between deliveries: a retry is another call with the same notice, and the notice's id lets receivers drop
 * duplicates.
 */
package io.vantage.notifications.channels;
