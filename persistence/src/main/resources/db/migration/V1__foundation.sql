-- Vantage relational schema, version 1: tenants, people, credentials, agents and the nodes they report.
-- Portable across H2, PostgreSQL and MariaDB. ${timestamp} is DATETIME(6) on MariaDB (whose TIMESTAMP ends
-- in 2038) and TIMESTAMP(6) WITH TIME ZONE elsewhere: the types Hibernate gives an Instant.
-- Migrations only add: a column is never dropped in the release that stops using it.

CREATE SEQUENCE organizations_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE organizations (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    created_at  ${timestamp} NOT NULL,
    CONSTRAINT organizations_name_uk UNIQUE (name)
);

CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE users (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      ${timestamp} NOT NULL,
    CONSTRAINT users_username_uk UNIQUE (username),
    CONSTRAINT users_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id)
);

CREATE SEQUENCE api_tokens_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE api_tokens (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    token_prefix    VARCHAR(16)  NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    created_at      ${timestamp} NOT NULL,
    last_used_at    ${timestamp},
    revoked_at      ${timestamp},
    CONSTRAINT api_tokens_hash_uk UNIQUE (token_hash),
    CONSTRAINT api_tokens_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT api_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE SEQUENCE nodes_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE nodes (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    name            VARCHAR(255) NOT NULL,
    created_at      ${timestamp} NOT NULL,
    last_seen_at    ${timestamp},
    CONSTRAINT nodes_organization_name_uk UNIQUE (organization_id, name),
    CONSTRAINT nodes_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id)
);

CREATE TABLE node_tags (
    node_id BIGINT      NOT NULL,
    tag     VARCHAR(64) NOT NULL,
    PRIMARY KEY (node_id, tag),
    CONSTRAINT node_tags_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);

CREATE SEQUENCE agents_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE agents (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    agent_id        VARCHAR(64)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    key_hash        VARCHAR(64)  NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    node_id         BIGINT,
    created_at      ${timestamp} NOT NULL,
    last_seen_at    ${timestamp},
    last_address    VARCHAR(100),
    agent_version   VARCHAR(50),
    CONSTRAINT agents_agent_id_uk UNIQUE (agent_id),
    CONSTRAINT agents_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT agents_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);
