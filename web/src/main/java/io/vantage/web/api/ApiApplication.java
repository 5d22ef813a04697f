package io.vantage.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1: everything the console does, as JSON. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
