package io.vantage.web.api;

import io.vantage.agents.AgentRegistry;
import io.vantage.agents.RegisteredAgent;
import io.vantage.persistence.agents.Agent;
import io.vantage.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The organization's agents. Registering one returns the id and key to put in the agent's configuration. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @Inject
    Caller caller;

    @Inject
    AgentRegistry registry;

    /**
     * The body of an agent registration.
     *
     * @param name what the operator calls the agent, usually the host it runs on
     */
    public record NewAgent(String name) {
    }

    /**
     * An agent as listed (never with its key).
     *
     * @param agentId      the id it says in its hello
     * @param name         its name
     * @param enabled      whether it may report
     * @param nodeId       the node it reports, once it has connected
     * @param lastSeenAt   when it last connected, or null
     * @param lastAddress  where it last connected from, or null
     * @param agentVersion the version it last reported, or null
     */
    public record AgentJson(String agentId, String name, boolean enabled, Long nodeId, String lastSeenAt,
                            String lastAddress, String agentVersion) {

        static AgentJson of(Agent agent) {
            return new AgentJson(agent.getAgentId(), agent.getName(), agent.isEnabled(),
                    agent.getNode() == null ? null : agent.getNode().getId(), NodeJson.iso(agent.getLastSeenAt()),
                    agent.getLastAddress(), agent.getAgentVersion());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewAgent request) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators register agents");
        }
        String name = request == null || request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("an agent needs a name of 1 to 100 characters");
        }
        RegisteredAgent agent = registry.register(caller, name);
        return Response.created(URI.create("agents/" + agent.agentId())).entity(agent).build();
    }

    @GET
    public List<AgentJson> list() {
        return registry.list(caller).stream().map(AgentJson::of).toList();
    }
}
