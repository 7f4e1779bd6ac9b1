package org.codedesk.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.codedesk.catalog.Currency;
import org.codedesk.catalog.PublicCptCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CPT codes of the Physician Fee Schedule relative value file in force, each with its PFS status in words: what
 * {@code /browse/cpt} lists when no licensed CPT file is imported. HCPCS Level II codes (a letter first) are left out.
 */
@Component
class RvuCptCodes implements PublicCptCodes {

    /** CPT's shapes: five digits (Category I), four digits and F (II), T (III), U (PLA) or M (MAAA). */
    static final Pattern CPT = Pattern.compile("\\d{4}[0-9FTUM]");

    private final Edits edits;
    private final JdbcTemplate jdbc;
    private final Indicators indicators = new Indicators();

    RvuCptCodes(Edits edits, JdbcTemplate jdbc) {
        this.edits = edits;
        this.jdbc = jdbc;
    }

    @Override
    public Listing listed(LocalDate date) {
        return edits.inForce(Dataset.PFS_RVU, date).map(release -> {
            List<Listed> codes = new ArrayList<>();
            // one row per code: the row without modifier sorts first and holds the code's own status
            jdbc.query("select code, modifier, status from edits_rvu where release_id = ? order by code, modifier", rs -> {
                String code = rs.getString(1);
                if (CPT.matcher(code).matches() && (codes.isEmpty() || !codes.get(codes.size() - 1).code().equals(code))) {
                    String status = rs.getString(3);
                    codes.add(new Listed(code, "PFS status " + status + ": " + indicators.words("pfs_status", status)));
                }
            }, release.id());
            Currency currency = edits.currency(Dataset.PFS_RVU, date);
            return new Listing(codes, release.citation(), currency.stale() ? currency.sentence() : null);
        }).orElse(Listing.NONE);
    }
}
