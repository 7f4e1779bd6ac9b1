/**
 * The FHIR R4 terminology service under {@code /fhir}: CodeDesk's code sets as CodeSystem, ValueSet and ConceptMap
 * resources with {@code $lookup}, {@code $validate-code}, {@code $subsumes}, {@code $expand} and {@code $translate},
 * built on HAPI FHIR's resource model and plain server. Reads the catalog, search and edits (GEMs) modules;
 * calls are metered like {@code /api/v1}, a {@code $lookup} counts as a code page view and {@code $translate} (GEMs) is for
 * members, as on the code pages. Nothing here is used by other modules.
 */
package org.codedesk.fhir;
