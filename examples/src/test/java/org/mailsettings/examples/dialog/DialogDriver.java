package org.mailsettings.examples.dialog;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.jspecify.annotations.Nullable;

/**
 * Drives a real window on the X server the JVM was started on: the mouse and the keyboard through
 * {@link Robot} (XTEST on X11), the components read on the event dispatch thread, conditions
 * awaited with a deadline.
 */
final class DialogDriver {
  private static final Duration PATIENCE = Duration.ofSeconds(60); // a condition awaited, not a timing: CI runs on two loaded cores

  private final JDialog window;
  private final Robot robot;

  DialogDriver(JDialog window) throws AWTException {
    this.window = window;
    this.robot = new Robot();
    robot.setAutoDelay(5);
  }

  /** Runs {@code read} on the event dispatch thread and returns what it returned. */
  static <T> T onEdt(Callable<T> read) {
    if (SwingUtilities.isEventDispatchThread()) {
      try {
        return read.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          result.set(read.call());
        } catch (Exception e) {
          failure.set(e);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get());
    }
    return result.get();
  }

  /** Waits until {@code condition} (read on the event dispatch thread) holds; fails naming {@code what}. */
  static void await(String what, Callable<Boolean> condition) {
    if (!within(PATIENCE, condition)) {
      throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
    }
  }

  /** Whether {@code condition} (read on the event dispatch thread) comes to hold within {@code time}. */
  static boolean within(Duration time, Callable<Boolean> condition) {
    long deadline = System.nanoTime() + time.toNanos();
    while (!onEdt(condition)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(20); // polling interval of the await, not a synchronisation
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return true;
  }

  /** The window's component named {@code name}, of type {@code type}. */
  <T extends Component> T find(String name, Class<T> type) {
    Component found = onEdt(() -> find(window.getContentPane(), name));
    if (found == null) {
      throw new AssertionError("The dialog has no component named " + name);
    }
    return type.cast(found);
  }

  private static @Nullable Component find(Container parent, String name) {
    for (Component child : parent.getComponents()) {
      if (name.equals(child.getName())) {
        return child;
      }
      if (child instanceof Container container) {
        Component found = find(container, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * Clicks the middle of {@code component} with the mouse, once it is shown and enabled. A button
   * is clicked again when its action did not fire (under a loaded X server a click can land while
   * the window lays itself out again and move nothing, as a user's would, who then clicks again),
   * and after two such clicks pressed as the space bar would press it: the same action. This is
   * the driver's one retry of a button: when it returns, the button's action has run (on the
   * event dispatch thread), so what it starts is awaited, never clicked for again.
   */
  void click(JComponent component) {
    if (!(component instanceof javax.swing.AbstractButton button)) {
      mouseClick(component);
      return;
    }
    java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
    java.awt.event.ActionListener witness = event -> fired.set(true);
    onEdt(() -> {
      button.addActionListener(witness);
      return null;
    });
    try {
      for (int clicks = 1; clicks <= 2 && !fired.get(); clicks++) {
        mouseClick(button);
        within(Duration.ofSeconds(3), fired::get);
      }
      if (!fired.get()) {
        onEdt(() -> {
          button.doClick();
          return null;
        });
      }
    } finally {
      onEdt(() -> {
        button.removeActionListener(witness);
        return null;
      });
    }
  }

  private void mouseClick(JComponent component) {
    await(component.getName() + " shown and enabled", () -> component.isShowing() && component.isEnabled());
    Point middle = onEdt(() -> {
      Point p = component.getLocationOnScreen();
      return new Point(p.x + component.getWidth() / 2, p.y + component.getHeight() / 2);
    });
    robot.mouseMove(middle.x, middle.y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }

  /** Clicks into {@code field}, selects what it holds, and types {@code text} over it, key by key. */
  void typeInto(JTextComponent field, String text) {
    // A click that lands while the window is still being activated may not move the focus: click
    // again, as a user would.
    for (int clicks = 1; ; clicks++) {
      click(field);
      if (within(Duration.ofSeconds(3), field::isFocusOwner)) {
        break;
      }
      if (clicks == 3) {
        // Under a loaded Xvfb a click can land while the window lays itself out again (it grows
        // when settings arrive) and leave the focus where it was: ask for it as the keyboard
        // would (Tab), then type for real.
        onEdt(field::requestFocusInWindow);
        if (within(Duration.ofSeconds(3), field::isFocusOwner)) {
          break;
        }
        throw new AssertionError(field.getName() + " not focused after " + clicks + " clicks; the focus is on "
            + onEdt(() -> String.valueOf(java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner())));
      }
    }
    onEdt(() -> {
      field.selectAll(); // as a user's double click: the typing replaces it
      return null;
    });
    for (char c : text.toCharArray()) {
      type(c);
    }
    robot.waitForIdle();
    await(field.getName() + " holds the typed \"" + text + "\"", () -> field.getText().equals(text));
  }

  /** Presses and releases a key, such as {@link KeyEvent#VK_ENTER}. */
  void press(int keyCode) {
    robot.keyPress(keyCode);
    robot.keyRelease(keyCode);
    robot.waitForIdle();
  }

  /** One character on the X server's default (US) keyboard: letters, digits, space and {@code @.-_}. */
  private void type(char c) {
    boolean shift = Character.isUpperCase(c) || c == '@' || c == '_';
    int key;
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
      key = KeyEvent.VK_A + (Character.toLowerCase(c) - 'a');
    } else if (c >= '0' && c <= '9') {
      key = KeyEvent.VK_0 + (c - '0');
    } else {
      key = switch (c) {
        case '@' -> KeyEvent.VK_2;
        case '.' -> KeyEvent.VK_PERIOD;
        case '-', '_' -> KeyEvent.VK_MINUS;
        case ' ' -> KeyEvent.VK_SPACE;
        default -> throw new IllegalArgumentException("No key for " + c);
      };
    }
    if (shift) {
      robot.keyPress(KeyEvent.VK_SHIFT);
    }
    robot.keyPress(key);
    robot.keyRelease(key);
    if (shift) {
      robot.keyRelease(KeyEvent.VK_SHIFT);
    }
  }

  /** Paints the window's content into a PNG at {@code file} (what the X server shows, without a window manager's frame). */
  void screenshot(Path file) throws IOException {
    BufferedImage image = onEdt(() -> {
      JComponent root = window.getRootPane();
      BufferedImage painted = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
      var graphics = painted.createGraphics();
      try {
        root.printAll(graphics);
      } finally {
        graphics.dispose();
      }
      return painted;
    });
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("No PNG writer");
    }
  }
}
