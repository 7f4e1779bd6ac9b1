package org.codedesk.coverage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.Currency;
import org.codedesk.catalog.DatasetCurrency;
import org.springframework.stereotype.Component;

/** The coverage module's sources on a date: which quarter or fiscal year is in force and whether it is imported. */
@Component
class CoverageCurrency implements DatasetCurrency {

    private final Coverage coverage;

    CoverageCurrency(Coverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public List<Currency> currency(LocalDate date) {
        return Arrays.stream(CoverageSource.values()).map(source -> {
            Optional<CoverageRelease> shown = coverage.inForce(source, date);
            return Currency.of(source.title(), source.cycle(), date, shown.map(CoverageRelease::version).orElse(null),
                    shown.map(CoverageRelease::effectiveFrom).orElse(null));
        }).toList();
    }
}
