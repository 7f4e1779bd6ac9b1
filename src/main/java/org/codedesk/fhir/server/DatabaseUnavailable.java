package org.codedesk.fhir.server;

import org.codedesk.web.DatabaseOutage;
import org.hl7.fhir.r4.model.OperationOutcome;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;

/**
 * The database cannot be reached: 503 with Retry-After and an OperationOutcome whose issue is "transient", so a FHIR
 * client retries, instead of the 500 HAPI would answer for any exception.
 */
@Interceptor
public class DatabaseUnavailable {

    static final String MESSAGE = "The terminology database cannot be reached at the moment; try again in "
            + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds.";

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException asUnavailable(Throwable thrown) {
        if (!DatabaseOutage.isCause(thrown)) {
            return null;
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.TRANSIENT).setDiagnostics(MESSAGE);
        UnclassifiedServerFailureException unavailable = new UnclassifiedServerFailureException(503, MESSAGE, outcome);
        unavailable.addResponseHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        return unavailable;
    }
}
