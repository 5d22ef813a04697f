package io.vantage.agent;

import io.vantage.agent.check.ChecksCollector;
import io.vantage.agent.collect.CollectorSet;
import io.vantage.agent.config.AgentConfig;
import io.vantage.agent.config.CommandLine;
import io.vantage.agent.config.ConfigException;
import io.vantage.agent.config.ConfigLoader;
import io.vantage.agent.log.AgentLog;
import io.vantage.agent.log.AgentLogManager;
import io.vantage.agent.log.OneLineFormatter;
import io.vantage.agent.transport.TransportSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the agent from the command line: reads the configuration, then runs the agent on the main thread until the
 * process is told to stop. Exit status 0 after a normal stop, 2 when the configuration is unusable.
 */
public final class AgentMain {

    /** The exit status for a configuration the agent cannot run with; systemd is told not to restart on it. */
    public static final int BAD_CONFIGURATION = 2;

    private AgentMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.manager") == null) {
            // before anything logs: the manager is chosen once, when logging is first used
            System.setProperty("java.util.logging.manager", AgentLogManager.class.getName());
        }
        int status = launch(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the agent and returns the exit status. */
    static int launch(String[] args) {
        configureLogging();
        AgentConfig config;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.print(CommandLine.usage());
                return 0;
            }
            if (commandLine.version()) {
                System.out.println("vantage-agent " + AgentVersion.current());
                return 0;
            }
            config = ConfigLoader.forThisProcess().load(commandLine);
        } catch (ConfigException e) {
            AgentLog.badConfiguration(e.getMessage());
            return BAD_CONFIGURATION;
        }
        CollectorSet collectors = CollectorSet.standard(config.interval(), config.inodeInterval());
        ChecksCollector checks = config.checksDir() == null ? null : ChecksCollector.open(config.checksDir());
        if (checks != null) {
            collectors = collectors.plus(checks);
        }
        Agent agent;
        try {
            agent = Agent.open(config, TransportSettings.defaults(), collectors);
        } catch (IOException e) {
            AgentLog.badConfiguration("spool-dir " + config.spoolDir() + " is unusable: " + e.getMessage());
            if (checks != null) {
                checks.close();
            }
            return BAD_CONFIGURATION;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            try {
                agent.awaitStopped(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (checks != null) {
                    checks.close(); // kills plugins still running, which would otherwise outlive the agent
                }
            }
        }, "vantage-agent-shutdown"));
        agent.run();
        return 0;
    }

    /** One line per event on standard error, unless the operator supplied a logging configuration. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new OneLineFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
    }
}
