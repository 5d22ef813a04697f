-- Vantage relational schema, version 2: what nodes are (OS, addresses, details), monitors and where they apply,
-- alert state and its history, notification channels, plans and deliveries, maintenance windows.
-- Portable across H2, PostgreSQL and MariaDB (see V1 for ${timestamp}). Migrations only add.

ALTER TABLE nodes ADD os VARCHAR(100);

CREATE TABLE node_addresses (
    node_id BIGINT       NOT NULL,
    address VARCHAR(100) NOT NULL,
    PRIMARY KEY (node_id, address),
    CONSTRAINT node_addresses_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);

CREATE TABLE node_details (
    node_id      BIGINT       NOT NULL,
    detail_name  VARCHAR(64)  NOT NULL,
    detail_value VARCHAR(500) NOT NULL,
    PRIMARY KEY (node_id, detail_name),
    CONSTRAINT node_details_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);

CREATE SEQUENCE notification_channels_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE notification_channels (
    id              BIGINT        NOT NULL PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    target          VARCHAR(2000) NOT NULL,
    secret          VARCHAR(200),
    enabled         BOOLEAN       NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    CONSTRAINT notification_channels_name_uk UNIQUE (organization_id, name),
    CONSTRAINT notification_channels_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id)
);

CREATE SEQUENCE notification_plans_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE notification_plans (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    created_at      ${timestamp} NOT NULL,
    CONSTRAINT notification_plans_name_uk UNIQUE (organization_id, name),
    CONSTRAINT notification_plans_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id)
);

CREATE TABLE notification_plan_routes (
    plan_id    BIGINT      NOT NULL,
    severity   VARCHAR(20) NOT NULL,
    channel_id BIGINT      NOT NULL,
    PRIMARY KEY (plan_id, severity, channel_id),
    CONSTRAINT notification_plan_routes_plan_fk FOREIGN KEY (plan_id) REFERENCES notification_plans (id),
    CONSTRAINT notification_plan_routes_channel_fk FOREIGN KEY (channel_id) REFERENCES notification_channels (id)
);

CREATE SEQUENCE monitors_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE monitors (
    id                     BIGINT           NOT NULL PRIMARY KEY,
    organization_id        BIGINT           NOT NULL,
    name                   VARCHAR(100)     NOT NULL,
    node_query             VARCHAR(1000)    NOT NULL,
    metric                 VARCHAR(200)     NOT NULL,
    check_kind             VARCHAR(20),
    check_settings         VARCHAR(2000),
    check_interval_seconds INTEGER,
    direction              VARCHAR(10)      NOT NULL,
    warning_threshold      DOUBLE PRECISION,
    warning_clear          DOUBLE PRECISION,
    critical_threshold     DOUBLE PRECISION,
    critical_clear         DOUBLE PRECISION,
    consecutive            INTEGER          NOT NULL,
    sustained_seconds      INTEGER          NOT NULL,
    no_data_seconds        INTEGER,
    no_data_severity       VARCHAR(20)      NOT NULL,
    flap_max_changes       INTEGER,
    flap_window_seconds    INTEGER,
    plan_id                BIGINT,
    enabled                BOOLEAN          NOT NULL,
    revision               BIGINT           NOT NULL,
    created_at             ${timestamp}     NOT NULL,
    updated_at             ${timestamp}     NOT NULL,
    deleted_at             ${timestamp},
    CONSTRAINT monitors_name_uk UNIQUE (organization_id, name),
    CONSTRAINT monitors_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT monitors_plan_fk FOREIGN KEY (plan_id) REFERENCES notification_plans (id)
);

-- which nodes a monitor applies to now, as the monitor applier resolved its query
CREATE TABLE monitor_targets (
    monitor_id BIGINT       NOT NULL,
    node_id    BIGINT       NOT NULL,
    applied_at ${timestamp} NOT NULL,
    PRIMARY KEY (monitor_id, node_id),
    CONSTRAINT monitor_targets_monitor_fk FOREIGN KEY (monitor_id) REFERENCES monitors (id),
    CONSTRAINT monitor_targets_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);
CREATE INDEX monitor_targets_node_idx ON monitor_targets (node_id);

-- the current state of one monitor on one node; its history is alert_events
CREATE SEQUENCE alerts_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE alerts (
    id                   BIGINT           NOT NULL PRIMARY KEY,
    organization_id      BIGINT           NOT NULL,
    monitor_id           BIGINT           NOT NULL,
    node_id              BIGINT           NOT NULL,
    severity             VARCHAR(20)      NOT NULL,
    since                ${timestamp}     NOT NULL,
    flapping             BOOLEAN          NOT NULL,
    rule_state           VARCHAR(4000)    NOT NULL,
    last_value           DOUBLE PRECISION,
    last_sample_at       ${timestamp},
    silence_deadline     ${timestamp},
    acknowledged_by      VARCHAR(100),
    acknowledged_at      ${timestamp},
    acknowledgement_note VARCHAR(1000),
    version              BIGINT           NOT NULL,
    CONSTRAINT alerts_monitor_node_uk UNIQUE (monitor_id, node_id),
    CONSTRAINT alerts_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT alerts_monitor_fk FOREIGN KEY (monitor_id) REFERENCES monitors (id),
    CONSTRAINT alerts_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id)
);
CREATE INDEX alerts_silence_idx ON alerts (silence_deadline);

CREATE SEQUENCE alert_events_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE alert_events (
    id              BIGINT           NOT NULL PRIMARY KEY,
    organization_id BIGINT           NOT NULL,
    alert_id        BIGINT           NOT NULL,
    from_severity   VARCHAR(20)      NOT NULL,
    to_severity     VARCHAR(20)      NOT NULL,
    reason          VARCHAR(30)      NOT NULL,
    sample_value    DOUBLE PRECISION,
    occurred_at     ${timestamp}     NOT NULL,
    quiet           BOOLEAN          NOT NULL,
    in_maintenance  BOOLEAN          NOT NULL,
    recorded_by     VARCHAR(100),
    note            VARCHAR(1000),
    dispatched      BOOLEAN          NOT NULL,
    CONSTRAINT alert_events_alert_fk FOREIGN KEY (alert_id) REFERENCES alerts (id)
);
CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, occurred_at);

CREATE SEQUENCE notifications_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE notifications (
    id              BIGINT        NOT NULL PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    alert_id        BIGINT        NOT NULL,
    alert_event_id  BIGINT        NOT NULL,
    channel_id      BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    severity        VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    last_attempt_at ${timestamp},
    delivered_at    ${timestamp},
    detail          VARCHAR(1000),
    CONSTRAINT notifications_alert_fk FOREIGN KEY (alert_id) REFERENCES alerts (id),
    CONSTRAINT notifications_event_fk FOREIGN KEY (alert_event_id) REFERENCES alert_events (id),
    CONSTRAINT notifications_channel_fk FOREIGN KEY (channel_id) REFERENCES notification_channels (id)
);
CREATE INDEX notifications_alert_idx ON notifications (alert_id);

CREATE SEQUENCE maintenance_windows_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE maintenance_windows (
    id               BIGINT        NOT NULL PRIMARY KEY,
    organization_id  BIGINT        NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    node_query       VARCHAR(1000) NOT NULL,
    starts_at        ${timestamp}  NOT NULL,
    ends_at          ${timestamp},
    recurrence_days  VARCHAR(30),
    duration_minutes INTEGER,
    time_zone        VARCHAR(60),
    created_by       VARCHAR(100)  NOT NULL,
    created_at       ${timestamp}  NOT NULL,
    CONSTRAINT maintenance_windows_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id)
);
