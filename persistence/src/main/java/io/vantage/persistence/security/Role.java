package io.vantage.persistence.security;

/** What a user may do within their organization. */
public enum Role {
    /** Everything, including users, tokens and agents. */
    ADMIN,
    /** Reads everything and works with monitors and alerts; manages no credentials but their own tokens. */
    MEMBER
}
