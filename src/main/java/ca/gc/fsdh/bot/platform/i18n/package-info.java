/**
 * Every user-facing text in English and French ({@code Messages}, from {@code
 * i18n/messages*.properties}), a message in both languages ({@code Bilingual}) and the Slack mrkdwn
 * escaping that every argument goes through ({@code Mrkdwn}). May use {@code platform.config} (the
 * {@code Language}); imports no Slack package and no feature.
 */
package ca.gc.fsdh.bot.platform.i18n;
