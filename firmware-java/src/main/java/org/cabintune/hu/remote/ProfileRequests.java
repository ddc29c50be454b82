package org.cabintune.hu.remote;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;

/**
 * The profile service as the link's commands reach it: there must be one (a unit that plays one
 * profile file has none), a protocol profile id must name a stored profile, and a request is
 * waited for at most {@value #PROFILE_TIMEOUT_S} s, its refusal becoming the protocol's error
 * with the service's reasons.
 */
final class ProfileRequests {

    /** How long a profile request may take (a compile and a store write) before it counts as failed, s. */
    static final long PROFILE_TIMEOUT_S = 10;

    private ProfileRequests() {
    }

    /** {@code service}; refused naming {@code command} when the unit has none. */
    static ProfileService require(ProfileService service, String command) throws PortException {
        if (service == null) {
            throw new PortException(ErrorCode.REFUSED, command + ": this unit runs without a profile store"
                    + " (cabintune-hu run --profiles DIR, or the board's profileStore); it plays one profile file");
        }
        return service;
    }

    /** The stored name whose id is {@code profileId}; refused as {@code unknown-profile} naming {@code field}. */
    static String stored(ProfileService s, String profileId, String field) throws PortException {
        String name = ProfileIds.nameOf(profileId, s.profiles());
        if (name == null) {
            List<String> ids = s.profiles().stream().map(ProfileIds::idOf).filter(Objects::nonNull).toList();
            throw new PortException(ErrorCode.UNKNOWN_PROFILE, field + " = " + FieldPath.quote(profileId)
                    + " is not stored on this unit; stored: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
        }
        return name;
    }

    /** Waits for a profile request; a refusal becomes {@code code} with the service's reasons. */
    static void carry(CompletableFuture<ProfileService.Result> request, ErrorCode code) throws PortException {
        ProfileService.Result result;
        try {
            result = request.get(PROFILE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the profile request ran");
        } catch (ExecutionException | TimeoutException e) {
            throw new PortException(ErrorCode.INTERNAL, "the profile request did not finish: " + e);
        }
        if (!result.done()) {
            throw new PortException(code, String.join("; ", result.messages()));
        }
    }
}
