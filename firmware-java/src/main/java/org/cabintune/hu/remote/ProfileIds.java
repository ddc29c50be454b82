package org.cabintune.hu.remote;

import java.util.List;
import java.util.Locale;
import org.cabintune.link.protocol.Limits;

/**
 * The protocol's profile ids for the store's names. The store names profiles for a display
 * ({@code Driver seat}); the protocol names them with lower-case words joined by hyphens
 * ({@code driver-seat}). The id of a name is that name in lower case with every run of other
 * characters made one hyphen; a name with no letter or digit of {@code a-z 0-9} has no id and
 * cannot be selected over the link.
 */
final class ProfileIds {

    private ProfileIds() {
    }

    /** The id of a store name, or null when it has none. */
    static String idOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                id.append(c);
            } else if (!id.isEmpty() && id.charAt(id.length() - 1) != '-') {
                id.append('-');
            }
        }
        while (!id.isEmpty() && id.charAt(id.length() - 1) == '-') {
            id.setLength(id.length() - 1);
        }
        return id.isEmpty() || id.length() > Limits.MAX_PROFILE_ID_CHARS ? null : id.toString();
    }

    /** The first stored name whose id is {@code id}, or null. */
    static String nameOf(String id, List<String> names) {
        for (String name : names) {
            if (id.equals(idOf(name))) {
                return name;
            }
        }
        return null;
    }
}
