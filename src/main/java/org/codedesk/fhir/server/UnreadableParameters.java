package org.codedesk.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * A parameter HAPI cannot read (a date that is not a date, a count that is not a number) is the client's mistake:
 * 400 with what went wrong, not the 500 HAPI would answer.
 */
@Interceptor
public class UnreadableParameters {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException asBadRequest(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DataFormatException || t instanceof NumberFormatException) {
                return new InvalidRequestException("A parameter could not be read: " + t.getMessage());
            }
        }
        return null;
    }
}
