package io.vantage.inventory;

import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.events.Events;
import io.vantage.events.NodeChanged;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Changes what a node is described as (tags, OS, addresses, details) and announces it, so monitors and maintenance
 * windows whose queries now select it, or no longer do, follow.
 */
@Stateless
public class NodeEditor {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final Pattern DETAIL_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final int MAX_TAGS = 50;
    private static final int MAX_ADDRESSES = 20;
    private static final int MAX_DETAILS = 50;

    @Inject
    NodeRepository nodes;

    @Inject
    Events events;

    public Node describe(Caller caller, long nodeId, NodeDescription description) {
        Node node = nodes.find(caller.organizationId(), nodeId).orElseThrow(() -> new UnknownIdException("node", nodeId));
        validate(description);
        if (description.tags() != null) {
            node.retag(description.tags());
        }
        if (description.os() != null) {
            node.setOs(description.os().isBlank() ? null : description.os().strip());
        }
        if (description.addresses() != null) {
            node.replaceAddresses(description.addresses());
        }
        if (description.details() != null) {
            node.replaceDetails(description.details());
        }
        events.publish(new NodeChanged(caller.organizationId(), nodeId));
        return node;
    }

    static void validate(NodeDescription description) {
        Set<String> tags = description.tags();
        if (tags != null) {
            if (tags.size() > MAX_TAGS) {
                throw new InvalidInputException("at most " + MAX_TAGS + " tags, got " + tags.size());
            }
            tags.forEach(tag -> {
                if (tag == null || !TAG.matcher(tag).matches()) {
                    throw new InvalidInputException("a tag is 1-64 letters, digits or . _ - :, got '" + tag + "'");
                }
            });
        }
        if (description.os() != null && description.os().length() > 100) {
            throw new InvalidInputException("os is at most 100 characters");
        }
        Set<String> addresses = description.addresses();
        if (addresses != null) {
            if (addresses.size() > MAX_ADDRESSES) {
                throw new InvalidInputException("at most " + MAX_ADDRESSES + " addresses, got " + addresses.size());
            }
            addresses.forEach(address -> {
                if (address == null || address.isBlank() || address.length() > 100 || address.contains(" ")) {
                    throw new InvalidInputException("an address is 1-100 characters without spaces, got '"
                            + address + "'");
                }
            });
        }
        Map<String, String> details = description.details();
        if (details != null) {
            if (details.size() > MAX_DETAILS) {
                throw new InvalidInputException("at most " + MAX_DETAILS + " details, got " + details.size());
            }
            details.forEach((name, value) -> {
                if (name == null || !DETAIL_NAME.matcher(name).matches()) {
                    throw new InvalidInputException("a detail name is 1-64 letters, digits or . _ -, got '" + name
                            + "'");
                }
                if (value == null || value.length() > 500) {
                    throw new InvalidInputException("detail '" + name + "' needs a value of at most 500 characters");
                }
            });
        }
    }
}
