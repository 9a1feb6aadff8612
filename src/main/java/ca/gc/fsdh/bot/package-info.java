/**
 * The FSDH bot: a Slack chat-ops bot that migrates or offboards the Databricks resources of FSDH
 * POC workspaces. Each sub-package is one part of the layout that docs/architecture.md draws: the
 * shell ({@code app}), the pieces every feature may use ({@code platform}), the Slack kit ({@code
 * slackkit}), the features ({@code requests}, {@code reminders}), the migration core ({@code
 * migration}) and the stand-ins, demo and benchmarks ({@code tools}). {@code ArchitectureTest}
 * keeps the rules.
 */
package ca.gc.fsdh.bot;
