package org.cabintune.hu.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.remote.UnitLink;
import org.cabintune.hu.web.DriverCommands;
import org.cabintune.hu.web.DriverPage;
import org.cabintune.hu.web.WebAddress;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.security.TrustStore;
import picocli.CommandLine.Option;

/**
 * The driver's page's option of {@code run} ({@code docs/driver-page.md}): where it listens.
 * The default is the board's {@code link.web}; with neither, there is no page.
 */
final class WebOptions {

    @Option(names = "--web", paramLabel = "HOST:PORT",
            description = {"Serve the driver's page (profiles, volume, mute, night mode, loudness) on this address:"
                    + " the car network's own address, or 0.0.0.0:PORT for every network; default: the board's"
                    + " link.web, else no page."})
    String web;

    /** Builds the unit the page drives when there is no link to share it with. */
    @FunctionalInterface
    interface UnitWithoutLink {
        HeadUnitRemote build() throws LinkOptions.Refused;
    }

    /**
     * Starts the page when one is asked for, here or by the board, or returns null. It drives the
     * link's unit through the link's dispatcher when there is a link (so the transports' commands
     * and the page's are applied one at a time, and the link republishes the state after each
     * change); otherwise a unit and a dispatcher of its own, over the same trusted keys. A setting
     * it cannot use is said in one line and the unit plays on without the page.
     */
    DriverPage start(BoardConfig board, UnitLink link, UnitWithoutLink unitWithoutLink, Path trustStore, PrintStream err) {
        String text = web != null ? web : board.link() == null ? null : board.link().web();
        if (text == null) {
            return null;
        }
        try {
            WebAddress address = WebAddress.parse(web != null ? "--web" : "link.web", text);
            DriverPage page;
            if (link != null) {
                page = DriverPage.start(address, link.unit(), new DriverCommands(link.dispatcher(), link::stateChanged), err);
            } else {
                HeadUnitRemote unit = unitWithoutLink.build();
                Clock clock = Clock.systemUTC();
                CommandDispatcher dispatcher = new CommandDispatcher(unit, TrustStore.open(trustStore, clock), clock,
                        CommandDispatcher.DEFAULT_REMEMBERED_IDS);
                page = DriverPage.start(address, unit, new DriverCommands(dispatcher, () -> { }), err);
            }
            err.println("web: the driver's page on " + page.url());
            return page;
        } catch (IllegalArgumentException | LinkOptions.Refused | IOException e) {
            err.println("web: " + text + ": " + e.getMessage() + "; running without the driver's page");
            return null;
        }
    }
}
