package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every imported dataset's {@link Currency} on a date, from each module that imports some: the list the home and import pages show. */
@Component
public class Currencies {

    private final ObjectProvider<DatasetCurrency> modules;

    Currencies(ObjectProvider<DatasetCurrency> modules) {
        this.modules = modules;
    }

    public List<Currency> on(LocalDate date) {
        return modules.orderedStream().flatMap(m -> m.currency(date).stream()).toList();
    }
}
