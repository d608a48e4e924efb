package io.github.linkyj.examples.cli;

/**
 * Registers actions to run when the JVM shuts down (SIGTERM from systemd, Ctrl-C). Tests replace it
 * to run the action themselves.
 */
interface ShutdownHooks {
  /** A registered action, removed when the command ends normally. */
  interface Registration {
    /** Removes the action; does nothing once the JVM is shutting down. */
    void remove();
  }

  /** Registers {@code action} to run on shutdown. */
  Registration register(String name, Runnable action);

  /** Returns the hooks of the running JVM. */
  static ShutdownHooks jvm() {
    return (name, action) -> {
      Thread hook = new Thread(action, name);
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down, so the hook is running and cannot be removed.
        }
      };
    };
  }
}
