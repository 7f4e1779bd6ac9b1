package org.codedesk.fhir.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HAPI FHIR's plain server, mounted at {@code /fhir}: JSON by default, XML on request ({@code _format} or
 * {@code Accept}), errors as OperationOutcome. {@code metadata?mode=terminology} is answered here because HAPI's
 * metadata method only returns CapabilityStatements.
 */
class TerminologyServer extends RestfulServer {

    private final transient TerminologyCapabilitiesResource terminologyCapabilities;

    TerminologyServer(FhirContext context, List<IResourceProvider> providers, List<Object> interceptors,
                      TerminologyCapabilitiesResource terminologyCapabilities) {
        super(context);
        this.terminologyCapabilities = terminologyCapabilities;
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("CodeDesk");
        setImplementationDescription("CodeDesk FHIR R4 terminology service");
        setResourceProviders(providers);
        interceptors.forEach(this::registerInterceptor);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if ("/metadata".equals(request.getPathInfo()) && "terminology".equals(request.getParameter("mode"))) {
            String base = request.getRequestURL().toString().replaceAll("/metadata$", "");
            write(terminologyCapabilities.build(base), request, response);
            return;
        }
        super.doGet(request, response);
    }

    private void write(IBaseResource resource, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean xml = wantsXml(request.getParameter("_format"), request.getHeader("Accept"));
        IParser parser = xml ? getFhirContext().newXmlParser() : getFhirContext().newJsonParser();
        parser.setPrettyPrint("true".equals(request.getParameter("_pretty")));
        response.setStatus(200);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
        response.getWriter().write(parser.encodeResourceToString(resource));
    }

    static boolean wantsXml(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.contains("xml");
        }
        return accept != null && accept.contains("xml") && !accept.contains("json");
    }
}
