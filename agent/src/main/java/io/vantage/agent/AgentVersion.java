package io.vantage.agent;

/** The agent's software version, as the runnable jar's manifest states it; {@code dev} when run from classes. */
public final class AgentVersion {

    private AgentVersion() {
    }

    public static String current() {
        String version = AgentVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
