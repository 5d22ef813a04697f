package io.vantage.alerts.rules;

/**
 * An alert rule, or a part of one, that cannot be evaluated sensibly. The message is written for the person who
 * configured the rule, so services can show it as is.
 */
public class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRuleException(String message) {
        super(message);
    }
}
