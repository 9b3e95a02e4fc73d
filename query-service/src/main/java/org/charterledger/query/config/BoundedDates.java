package org.charterledger.query.config;

import org.charterledger.events.LedgerBounds;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Every date a query takes ({@code asOf}, {@code until}, {@code from}, {@code to}) is an ISO date within
 * {@link LedgerBounds}: a date the rules can reason about, and an answer whose cost the history bounds, not the
 * distance to the date asked. Answered 400 naming the parameter and the rule {@code date-range}.
 */
@ControllerAdvice
class BoundedDates {

    @InitBinder
    void boundDates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isEmpty()) {
                    setValue(null);
                    return;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date in the form YYYY-MM-DD", e);
                }
                setValue(LedgerBounds.date(date));
            }
        });
    }
}
