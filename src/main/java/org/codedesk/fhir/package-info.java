/**
 * The FHIR R4 terminology service under {@code /fhir}: CodeDesk's code sets as CodeSystem, ValueSet and ConceptMap
 * resources with {@code $lookup}, {@code $validate-code}, {@code $subsumes}, {@code $expand} and {@code $translate},
 * built on HAPI FHIR's resource model and plain server. Reads the catalog, search and edits (GEMs) modules;
 * calls are metered like {@code /api/v1}. Nothing here is used by other modules.
 */
package org.codedesk.fhir;
