package io.vantage.events;

/**
 * Something that happened in Vantage that other services act on. Every event belongs to one organization; its
 * destination and delivery policy are fixed by {@link EventRoute}, so publishers never choose them by hand.
 */
public interface DomainEvent {

    long organizationId();
}
