package org.codedesk.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;

/** Plain HTTP calls to the FHIR endpoint of a running test server, with the answers read by HAPI's parsers. */
final class FhirHttp {

    static final FhirContext R4 = FhirContext.forR4Cached();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    FhirHttp(int port) {
        this.base = "http://localhost:" + port + "/fhir";
    }

    String base() {
        return base;
    }

    Reply get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** POSTs a resource (a Parameters, usually) as FHIR JSON. */
    Reply post(String path, IBaseResource body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(R4.newJsonParser().encodeResourceToString(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String body) {

        /** The body read by the JSON or XML parser, as its content type says. */
        <T extends IBaseResource> T as(Class<T> type) {
            return (contentType.contains("xml") ? R4.newXmlParser() : R4.newJsonParser()).parseResource(type, body);
        }
    }
}
