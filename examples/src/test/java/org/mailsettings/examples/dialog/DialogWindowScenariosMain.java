package org.mailsettings.examples.dialog;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@link DialogWindowScenarios} with the JUnit Platform in this JVM (started by {@link
 * EmailAccountDialogWindowTest} with {@code DISPLAY} set) and exits with 0 only when every
 * scenario passed: none failed, none was skipped or aborted. With an argument, only the scenario
 * (method) of that name runs.
 */
final class DialogWindowScenariosMain {
  private DialogWindowScenariosMain() {}

  /**
   * Runs the scenarios and exits.
   *
   * @param args nothing, or the name of the one scenario to run
   */
  public static void main(String[] args) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(args.length == 0 ? selectClass(DialogWindowScenarios.class) : selectMethod(DialogWindowScenarios.class, args[0]))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    summary.printTo(out);
    summary.printFailuresTo(out, 60);
    boolean allPassed = summary.getTestsFoundCount() > 0
        && summary.getTestsSucceededCount() == summary.getTestsFoundCount()
        && summary.getTotalFailureCount() == 0;
    out.flush();
    System.exit(allPassed ? 0 : 1);
  }
}
