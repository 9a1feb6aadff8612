package ca.gc.fsdh.bot.migration.cli;

import java.util.function.UnaryOperator;

/**
 * Gives one of the core's commands a test's environment (tokens, the OpenPGP passphrase) in every
 * mixin that reads one: the JVM cannot set its own environment.
 */
final class CoreCommandEnvironment {
  private CoreCommandEnvironment() {}

  static <C> C given(C command, UnaryOperator<String> env) {
    switch (command) {
      case MigrateCommand c -> {
        c.source.environment = env;
        c.target.environment = env;
      }
      case ExportCommand c -> c.connection.environment = env;
      case PlanCommand c -> c.connection.environment = env;
      case OffboardCommand c -> c.connection.environment = env;
      case ImportCommand c -> {
        c.connection.environment = env;
        c.gpg.environment = env;
      }
      case VerifyCommand c -> {
        c.connection.environment = env;
        c.gpg.environment = env;
      }
      default -> throw new IllegalArgumentException(command.toString());
    }
    return command;
  }
}
