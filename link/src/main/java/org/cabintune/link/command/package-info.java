/**
 * The head unit's command handling, independent of transport: the
 * {@link org.cabintune.link.command.CommandDispatcher} decodes, authorises, deduplicates by
 * message id and calls the {@link org.cabintune.link.command.HeadUnitPort} the head unit
 * implements.
 */
package org.cabintune.link.command;
