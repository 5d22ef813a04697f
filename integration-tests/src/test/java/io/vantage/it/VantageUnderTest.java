package io.vantage.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the stack under test before the first test of the run, so black-box tests and Arquillian tests share one
 * server (Arquillian connects to it rather than starting its own).
 */
public class VantageUnderTest implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("vantage.server.home") != null) {
            RunningVantage.get();
        }
    }
}
