package org.codedesk.fhir.server;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;

/** Adds what HAPI cannot know to the generated CapabilityStatement: that this is a terminology server, and how to use it. */
@Interceptor
public class CapabilityStatementDetails {

    static final String TERMINOLOGY_SERVER = "http://hl7.org/fhir/CapabilityStatement/terminology-server";

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        if (generated instanceof CapabilityStatement statement) {
            statement.setName("CodeDeskTerminologyService");
            statement.setTitle("CodeDesk FHIR R4 terminology service");
            statement.setPublisher("CodeDesk");
            statement.getInstantiates().clear();
            statement.addInstantiates(TERMINOLOGY_SERVER);
            statement.setDescription("ICD-10-CM, ICD-10-PCS, HCPCS Level II and (when the operator imported a licensed file) CPT:"
                    + " CodeSystem $lookup, $validate-code, $subsumes; ValueSet $expand with filter and paging; ConceptMap $translate"
                    + " for the GEMs. Read-only. metadata?mode=terminology gives the TerminologyCapabilities. Calls other than metadata"
                    + " count against the plan's API quota; send an API token as Authorization: Bearer.");
        }
    }
}
