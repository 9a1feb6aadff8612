/**
 * The request's Slack screens: the request commands ({@code /fsdh migrate}, {@code offboard},
 * {@code status}, {@code list}, {@code cancel}, {@code retry}), the form, the approval message and
 * its buttons, the App Home, the progress message, the reports, and the outbox dispatcher that
 * posts every message a request change causes. {@code SlackIds} holds every action and callback id
 * of these screens. May use {@code requests}, the Slack kit, the {@code platform} packages and the
 * core's {@code migration.item} vocabulary.
 */
package ca.gc.fsdh.bot.requests.slack;
