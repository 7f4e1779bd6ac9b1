package org.codedesk.edits;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.codedesk.catalog.Currency;
import org.codedesk.catalog.DatasetCurrency;
import org.springframework.stereotype.Component;

/** The edits module's tables on a date: which quarter or year is in force and whether it is imported. */
@Component
class EditsCurrency implements DatasetCurrency {

    private final Edits edits;

    EditsCurrency(Edits edits) {
        this.edits = edits;
    }

    @Override
    public List<Currency> currency(LocalDate date) {
        return Arrays.stream(Dataset.values()).map(d -> edits.currency(d, date)).toList();
    }
}
