/**
 * Live diagnostics: asking a node's connected agent, over its own connection, for what only the agent can see now
 * (a top-like process list). Nothing here is stored; every answer is fetched when asked for, through the agent
 * connector's outbound connection factory ({@code java:/vantage/AgentRequests}).
 */
package io.vantage.diagnostics;
