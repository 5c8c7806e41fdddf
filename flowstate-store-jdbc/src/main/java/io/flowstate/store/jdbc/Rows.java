package io.flowstate.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading a statement's rows when all that is wanted is one text column (ARNs, node ids). */
final class Rows {
    private Rows() {}

    /** Runs {@code ps} (a query, or a write with RETURNING) and returns its first column, row by row. */
    static List<String> texts(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
