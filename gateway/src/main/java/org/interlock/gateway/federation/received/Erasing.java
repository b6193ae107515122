package org.interlock.gateway.federation.received;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Erasing a received item at rest: its event becomes {} and the signed form of the envelope that carried it '',
 * the one change V6's trigger allows. What stays is what proves it was received and erased: the receipt, the
 * digest, and the record of why.
 */
final class Erasing {

    private static final String ITEM = "UPDATE federation.received_items SET event = '{}'::jsonb, erased_at = now()"
            + " WHERE peer = ? AND item_id = ? AND erased_at IS NULL";
    private static final String ENVELOPE = "UPDATE federation.received_envelopes SET compact = ''"
            + " WHERE peer = ? AND seq = ? AND compact <> ''";

    private Erasing() {
    }

    /** @return whether there was anything left to erase */
    static boolean erase(Connection c, String peer, String itemId, long carriedIn) throws SQLException {
        int items;
        try (PreparedStatement s = c.prepareStatement(ITEM)) {
            s.setString(1, peer);
            s.setString(2, itemId);
            items = s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(ENVELOPE)) {
            s.setString(1, peer);
            s.setLong(2, carriedIn);
            s.executeUpdate();
        }
        return items > 0;
    }
}
